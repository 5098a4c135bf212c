export * from './agreement.events';
export * from './licence-offer.rpc';
export * from './statement.events';
export * from './usage.events';
export * from './catalog-article.rpc';
export * from './licensee.rpc';
