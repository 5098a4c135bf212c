export * from './accounts.rpc';
export * from './journal-entries.rpc';
