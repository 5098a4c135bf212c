export * from './accounts.rpc';
export * from './journal-entries.rpc';
export * from './subscription-metrics.rpc';
export * from './recognition.rpc';
export * from './accounting-periods.rpc';
export * from './balances.rpc';
