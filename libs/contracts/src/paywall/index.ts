export * from './policies.rpc';
export * from './articles.rpc';
