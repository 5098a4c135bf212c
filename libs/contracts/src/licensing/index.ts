export * from './licence-offers.rpc';
export * from './money-events';
