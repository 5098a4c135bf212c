export * from './ad-unit.rpc';
export * from './booking.events';
export * from './delivery.events';
export * from './make-good.events';
