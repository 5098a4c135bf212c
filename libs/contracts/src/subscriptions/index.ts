export * from './billing-settings.rpc';
export * from './stripe-account.rpc';
export * from './catalog.rpc';
export * from './checkout.rpc';
export * from './stripe-events.rpc';
export * from './entitlements.rpc';
export * from './subscription-events';
export * from './reader-subscriptions.rpc';
