export * from './ad-units.rpc';
export * from './money-events';
