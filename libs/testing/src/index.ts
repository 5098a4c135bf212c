export * from './start-nats';
export * from './test-database';
export * from './eventually';
export * from './caller-keys';
export * from './test-files';
