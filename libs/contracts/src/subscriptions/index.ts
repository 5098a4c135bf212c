export * from './billing-settings.rpc';
