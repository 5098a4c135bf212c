import { Injectable } from '@nestjs/common';
import { PaymentRailName, RailEnvironment } from '@libs/contracts';
import { PaymentsEnv } from '../config/payments.config';
import { PaymentRail } from './payment-rail';
import { RailHttp } from './rail-http';
import { buildRails } from './rails';

/** The rails this service can take money on, and where each is reached in each environment. */
@Injectable()
export class PaymentRails {
  private readonly rails: Map<PaymentRailName, PaymentRail>;
  private readonly overrides: Map<string, string>;

  constructor(env: PaymentsEnv) {
    this.rails = buildRails(new RailHttp(env.PAYMENT_RAIL_TIMEOUT_MS));
    this.overrides = new Map(
      env.PAYMENT_RAIL_URLS.split(',')
        .filter((entry) => entry !== '')
        .map((entry) => {
          const at = entry.indexOf('=');
          return [entry.slice(0, at), entry.slice(at + 1)] as const;
        }),
    );
  }

  /** The adapter of a rail, or null when this build has none. */
  find(name: PaymentRailName): PaymentRail | null {
    return this.rails.get(name) ?? null;
  }

  available(): PaymentRailName[] {
    return [...this.rails.keys()];
  }

  baseUrlOf(rail: PaymentRail, environment: RailEnvironment): string {
    return this.overrides.get(rail.name) ?? rail.endpoints[environment];
  }
}
