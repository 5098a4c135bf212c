export * from './policies.rpc';
export * from './articles.rpc';
export * from './reads-recorded.event';
export * from './reader-tokens.rpc';
export * from './offers.rpc';
export * from './experiments.rpc';
export * from './decision.rpc';
export * from './checkout-reference';
