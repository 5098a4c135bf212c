export * from './tenant-created.event';
export * from './site-changed.event';
