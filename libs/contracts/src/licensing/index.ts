export * from './agreement.events';
export * from './licence-offer.events';
export * from './licence-offer.rpc';
export * from './odrl-policy.validator';
export * from './statement.events';
export * from './usage.events';
export * from './catalog-article.rpc';
export * from './licensee.rpc';
