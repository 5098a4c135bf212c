export * from './tenant-created.event';
