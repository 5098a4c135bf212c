import { Injectable, Logger } from '@nestjs/common';
import { RpcClient } from '@libs/common';
import { ChargeSavedToken, ListSavedTokens, PaymentView } from '@libs/contracts';
import { Invoice } from '../invoices/invoice.entity';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { ReaderSubscription } from '../reader-subscriptions/reader-subscription.entity';
import { billingCaller } from './billing-caller';
import { payerKeyOf } from './payer-key';

/**
 * What became of a renewal's payment before its pay link goes out: `paid` (from the saved wallet,
 * or before), `unpaid` (no wallet, or a charge whose outcome was lost: the reader is sent the
 * link), `declined` (the saved wallet declined the charge just made: the reader is sent the link),
 * `settling` (a charge another instance makes, or one whose outcome the rail has not given yet:
 * asked again later).
 */
export type RenewalWalletCharge = 'paid' | 'unpaid' | 'declined' | 'settling';

/** A charge started this long ago has settled at the rail (payments' status job asks it within minutes). */
const SETTLING_MS = 15 * 60_000;

/**
 * Charges a renewal to the reader's saved wallet (MoMo tokenization), once per invoice: the charge
 * is recorded on the invoice before payments is asked, so neither a second instance nor a restart
 * charges again; an invoice whose charge was recorded but whose outcome was lost gets its pay link
 * once the charge had time to settle, unless the payment was paid meanwhile.
 */
@Injectable()
export class RenewalWalletChargesService {
  private readonly logger = new Logger(RenewalWalletChargesService.name);

  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly rpc: RpcClient,
  ) {}

  async chargeOnce(
    invoice: Invoice,
    subscription: ReaderSubscription,
    payment: PaymentView,
    now: Date,
    requestId: string,
  ): Promise<RenewalWalletCharge> {
    if (payment.status === 'succeeded') return 'paid';
    if (invoice.tokenChargeAttemptedAt)
      return now.getTime() - invoice.tokenChargeAttemptedAt.getTime() < SETTLING_MS ? 'settling' : 'unpaid';
    const payerKey = payerKeyOf(subscription.readerKey);
    if (!payerKey) return 'unpaid';
    if (!(await this.invoices.claimTokenCharge(invoice, now))) return 'settling';
    const caller = billingCaller(invoice.tenantId, invoice.id, requestId);
    try {
      const wallets = await this.rpc.request(ListSavedTokens, { payerKey, status: 'active', limit: 1 }, caller);
      const [wallet] = wallets.items;
      if (!wallet) return 'unpaid';
      const charged = await this.rpc.request(ChargeSavedToken, { id: payment.id, savedTokenId: wallet.id }, caller);
      if (charged.status === 'succeeded') {
        this.logger.log(`renewal ${invoice.id}: charged to saved wallet ${wallet.id}`);
        return 'paid';
      }
      if (charged.attempts.some((attempt) => attempt.status === 'started')) return 'settling';
      this.logger.log(`renewal ${invoice.id}: saved wallet ${wallet.id} declined; the reader is sent the pay link`);
      return 'declined';
    } catch (error) {
      // The rail may have taken the charge before its answer was lost: the link waits until it settled.
      this.logger.warn(`renewal ${invoice.id}: saved wallet charge unanswered (${(error as Error).message})`);
      return 'settling';
    }
  }
}
