export * from './licence-offers.rpc';
