import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventOutbox, NotFoundError, ValidationFailedError } from '@libs/common';
import { StripeNotificationReceived } from '@libs/contracts';
import { PaymentsEnv } from '../config/payments.config';
import { PaymentsTenantRepository } from '../tenants/payments-tenant.repository';
import { StripeAccountsService } from './stripe-accounts.service';
import { StripeNotificationRepository } from './stripe-notification.repository';
import {
  InvalidStripeSignatureError,
  TranslatedStripeEvent,
  verifiedStripeNotification,
} from './stripe-webhook-events';

/** What Stripe is answered: received, and whether this event id was received before (nothing changes). */
export interface StripeNotificationReceipt {
  received: boolean;
  duplicate: boolean;
}

/**
 * Stripe's webhook events: verified with the agency's signing secret, stored once per event id
 * and, in the same transaction, published for subscriptions (which re-reads from Stripe what
 * the event names). A bad or stale signature changes nothing. An unknown agency is not found
 * (Stripe stops retrying sooner than on a conflict); one without a Stripe account is bad input.
 */
@Injectable()
export class StripeNotificationsService {
  private readonly toleranceSeconds: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: StripeAccountsService,
    private readonly notifications: StripeNotificationRepository,
    private readonly outbox: EventOutbox,
    private readonly tenants: PaymentsTenantRepository,
    env: PaymentsEnv,
  ) {
    this.toleranceSeconds = env.STRIPE_WEBHOOK_TOLERANCE_S;
  }

  async receive(tenantId: string, payload: string, signature: string): Promise<StripeNotificationReceipt> {
    const account = await this.accounts.findCredentialsOf(tenantId);
    if (!account) {
      if (!(await this.tenants.exists(tenantId))) throw new NotFoundError('agency', tenantId);
      throw new ValidationFailedError([
        { field: 'tenantId', message: 'this agency has not configured its Stripe account' },
      ]);
    }
    let event: TranslatedStripeEvent;
    try {
      event = verifiedStripeNotification(payload, signature, account.webhookSecret, this.toleranceSeconds);
    } catch (error) {
      if (error instanceof InvalidStripeSignatureError)
        throw new ValidationFailedError([{ field: 'Stripe-Signature', message: error.message }]);
      throw error;
    }
    const first = await this.dataSource.transaction(async (tx) => {
      const stored = await this.notifications.insertOnce(tx, {
        tenantId,
        eventId: event.providerNotificationId,
        type: event.type,
        kind: event.kind,
      });
      if (stored && event.kind !== 'ignored')
        await this.outbox.add(tx, StripeNotificationReceived, {
          tenantId,
          subject: event.providerNotificationId,
          data: event,
        });
      return stored;
    });
    return { received: true, duplicate: !first };
  }
}
