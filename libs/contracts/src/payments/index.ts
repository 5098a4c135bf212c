export * from './payment-rail';
export * from './account.rpc';
export * from './payment.rpc';
export * from './payment.events';
export * from './saved-token.rpc';
export * from './stripe-account.rpc';
export * from './stripe-api.rpc';
export * from './stripe-notification.events';
