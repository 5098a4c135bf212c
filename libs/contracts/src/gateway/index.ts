export * from './site.events';
export * from './tenant.events';
