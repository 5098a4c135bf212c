export * from './ad-units.rpc';
