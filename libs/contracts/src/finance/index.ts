export * from './accounts.rpc';
export * from './journal-entries.rpc';
export * from './accounting-periods.rpc';
export * from './balances.rpc';
