export * from './accounts.rpc';
