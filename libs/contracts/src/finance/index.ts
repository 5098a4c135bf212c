export * from './accounts.rpc';
export * from './journal-entries.rpc';
export * from './reconciliation-imports.rpc';
export * from './reconciliation-runs.rpc';
export * from './reconciliation-exceptions.rpc';
