import { PaymentRailName } from '@libs/contracts';
import { MomoRail } from './momo/momo-rail';
import { PaymentRail } from './payment-rail';
import { PayosRail } from './payos/payos-rail';
import { RailHttp } from './rail-http';
import { VnpayRail } from './vnpay/vnpay-rail';

/** Every rail the service can take money on: one line per adapter. */
const ADAPTERS: Record<PaymentRailName, (http: RailHttp) => PaymentRail> = {
  momo: (http) => new MomoRail(http),
  payos: (http) => new PayosRail(http),
  vnpay: (http) => new VnpayRail(http),
};

/** The adapters, built with the service's HTTP deadline. */
export function buildRails(http: RailHttp): Map<PaymentRailName, PaymentRail> {
  return new Map(Object.entries(ADAPTERS).map(([name, build]) => [name as PaymentRailName, build(http)] as const));
}
