export * from './policies.rpc';
