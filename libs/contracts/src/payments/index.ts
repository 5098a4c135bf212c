export * from './payment-rail';
export * from './payment-account.rpc';
export * from './payment.rpc';
export * from './payment.events';
