export * from './policies.rpc';
export * from './article-changed.event';
export * from './reads-recorded.event';
export * from './reader-tokens.rpc';
