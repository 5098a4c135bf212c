import { PaymentRailName } from '@libs/contracts';
import { PaymentRail } from './payment-rail';
import { RailHttp } from './rail-http';
import { VnpayRail } from './vnpay/vnpay-rail';

/** Every rail the service can take money on: one line per adapter. */
const ADAPTERS: Partial<Record<PaymentRailName, (http: RailHttp) => PaymentRail>> = {
  vnpay: (http) => new VnpayRail(http),
};

/** The adapters, built with the service's HTTP deadline. */
export function buildRails(http: RailHttp): Map<PaymentRailName, PaymentRail> {
  return new Map(Object.entries(ADAPTERS).map(([name, build]) => [name as PaymentRailName, build(http)] as const));
}
