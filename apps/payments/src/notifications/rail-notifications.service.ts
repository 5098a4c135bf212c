import { Injectable, Logger } from '@nestjs/common';
import { PAYMENT_RAILS, PaymentRailName } from '@libs/contracts';
import { RailAccountsService, UsableRailAccount } from '../accounts/rail-accounts.service';
import { AttemptSettlementsService } from '../payments/attempt-settlements.service';
import { IncomingNotification, NotificationVerdict, ProviderAnswer } from '../rails/payment-rail';
import { PaymentRails } from '../rails/payment-rails';
import { SavedTokensService } from '../saved-tokens/saved-tokens.service';
import { RailNotificationRepository } from './rail-notification.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the server answers: the rail's own words, or a plain refusal for a path that names no account. */
export type NotificationAnswer = ProviderAnswer | { status: 404; contentType: null; body: '' };

/**
 * A rail's notification: verified first (a bad signature changes nothing), stored once per
 * provider transaction and outcome, then applied; answered in the rail's own words. The same
 * notification again is answered as the first was applied, and applies nothing.
 */
@Injectable()
export class RailNotificationsService {
  private readonly logger = new Logger(RailNotificationsService.name);

  constructor(
    private readonly rails: PaymentRails,
    private readonly accounts: RailAccountsService,
    private readonly notifications: RailNotificationRepository,
    private readonly settlements: AttemptSettlementsService,
    private readonly savedTokens: SavedTokensService,
  ) {}

  async receive(railName: string, accountId: string, incoming: IncomingNotification): Promise<NotificationAnswer> {
    const rail = (PAYMENT_RAILS as readonly string[]).includes(railName)
      ? this.rails.find(railName as PaymentRailName)
      : null;
    if (!rail) return { status: 404, contentType: null, body: '' };
    let usable: UsableRailAccount;
    if (!UUID.test(accountId)) return rail.answer('unknown-order');
    try {
      usable = await this.accounts.usableById(accountId);
    } catch {
      return rail.answer('unknown-order');
    }
    if (usable.record.rail !== rail.name) return rail.answer('unknown-order');
    const reading = usable.rail.readNotification(usable.account, incoming);
    if (!reading.verified) {
      this.logger.warn(
        `${rail.name} notification for account ${accountId} refused: ${reading.reason} (${reading.detail})`,
      );
      return rail.answer(reading.reason);
    }
    let verdict: NotificationVerdict;
    try {
      const { stored, first } = await this.notifications.storeOnce({
        tenantId: usable.record.tenantId,
        accountId,
        rail: rail.name,
        dedupeKey: reading.dedupeKey,
        orderReference: reading.report.orderReference,
        method: incoming.method,
        query: incoming.query.toString(),
        body: incoming.body,
      });
      if (!first && stored.verdict !== null) return rail.answer(repeatVerdict(stored.verdict as NotificationVerdict));
      verdict = await this.settlements.settle(accountId, reading.report);
      await this.notifications.recordVerdict(stored.id, verdict);
      const claim = reading.report.savedTokenClaim;
      if (claim && verdict === 'accepted') await this.savedTokens.claim(usable, claim);
    } catch (error) {
      this.logger.error(`${rail.name} notification for account ${accountId} not applied: ${(error as Error).message}`);
      return rail.answer('failed');
    }
    return rail.answer(verdict);
  }
}

/** A notification sent again: answered as the first was, except that what it paid is now already confirmed. */
function repeatVerdict(first: NotificationVerdict): NotificationVerdict {
  return first === 'accepted' ? 'duplicate' : first;
}
