export * from './accounts.rpc';
export * from './journal-entries.rpc';
export * from './subscription-metrics.rpc';
export * from './recognition.rpc';
export * from './revenue-reports.rpc';
export * from './reconciliation-imports.rpc';
export * from './reconciliation-runs.rpc';
export * from './reconciliation-exceptions.rpc';
