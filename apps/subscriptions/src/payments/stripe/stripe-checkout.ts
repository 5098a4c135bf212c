import { Injectable } from '@nestjs/common';
import { fromProviderNumber, toSafeNumber } from '@libs/common';
import type { ListedPage, PageRequest } from '../page-request';
import type { ProviderAccount } from '../provider-account';
import { NewCheckout, NewOneOffCheckout, ProviderCheckout, ProviderOneOffPayment } from '../provider-checkout';
import { UnknownPromotionCodeError } from '../unknown-promotion-code.error';
import { StripeClient } from './stripe-client';
import { fromUnix, idOf } from './stripe-conversions';

/** Customers, Checkout Sessions (subscription and payment mode) and the billing portal at Stripe. */
@Injectable()
export class StripeCheckout extends ProviderCheckout {
  constructor(private readonly stripe: StripeClient) {
    super();
  }

  async createCustomer(
    account: ProviderAccount,
    idempotencyKey: string,
    customer: { email: string | null; readerKey: string },
  ): Promise<string> {
    const created = await this.stripe.call(account, (s) =>
      s.customers.create(
        {
          email: customer.email ?? undefined,
          metadata: { tenant_id: account.tenantId, reader_key: customer.readerKey },
        },
        { idempotencyKey },
      ),
    );
    return created.id;
  }

  async createCheckout(account: ProviderAccount, checkout: NewCheckout): Promise<{ id: string; url: string }> {
    const metadata = {
      tenant_id: account.tenantId,
      reader_key: checkout.readerKey,
      reference: checkout.reference ?? '',
    };
    const promotionCodeId = checkout.promotionCode
      ? await this.promotionCodeIdOf(account, checkout.promotionCode)
      : null;
    const session = await this.stripe.call(account, (s) =>
      s.checkout.sessions.create(
        {
          mode: 'subscription',
          line_items: [{ price: checkout.providerPriceId, quantity: 1 }],
          customer: checkout.customerId ?? undefined,
          customer_email: checkout.customerId ? undefined : (checkout.email ?? undefined),
          client_reference_id: checkout.readerKey.slice(0, 200),
          success_url: checkout.successUrl,
          cancel_url: checkout.cancelUrl,
          metadata,
          subscription_data: {
            metadata,
            trial_period_days: checkout.trialDays > 0 ? checkout.trialDays : undefined,
            default_tax_rates: checkout.taxRateIds.length > 0 ? checkout.taxRateIds : undefined,
          },
          discounts: promotionCodeId ? [{ promotion_code: promotionCodeId }] : undefined,
          allow_promotion_codes: promotionCodeId ? undefined : true,
        },
        { idempotencyKey: checkout.idempotencyKey },
      ),
    );
    if (!session.url) throw new Error(`checkout session ${session.id} has no URL`);
    return { id: session.id, url: session.url };
  }

  /**
   * Checkout in `payment` mode with one inline line item (`price_data`) on the plan's Stripe
   * product. Inline rather than a one-time Price made per plan and months: the amount is our
   * current price version times the intervals at this moment, so a stored Price would go stale
   * with every new version and leave one archived Price per (version, months) behind; inline,
   * Stripe still reports the revenue under the plan's product. VAT rates go on the line item,
   * as payment mode has no subscription to carry default rates.
   */
  async createOneOffCheckout(
    account: ProviderAccount,
    checkout: NewOneOffCheckout,
  ): Promise<{ id: string; url: string }> {
    const metadata = { tenant_id: account.tenantId, purchase_id: checkout.purchaseId };
    const session = await this.stripe.call(account, (s) =>
      s.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            {
              price_data: {
                currency: checkout.currency.toLowerCase(),
                product: checkout.providerProductId,
                unit_amount: toSafeNumber(checkout.unitAmount),
              },
              quantity: checkout.quantity,
              tax_rates: checkout.taxRateIds.length > 0 ? checkout.taxRateIds : undefined,
            },
          ],
          customer_email: checkout.email,
          client_reference_id: checkout.purchaseId,
          success_url: checkout.successUrl,
          cancel_url: checkout.cancelUrl,
          metadata,
          payment_intent_data: { metadata, description: checkout.description },
        },
        { idempotencyKey: checkout.idempotencyKey },
      ),
    );
    if (!session.url) throw new Error(`checkout session ${session.id} has no URL`);
    return { id: session.id, url: session.url };
  }

  async retrieveOneOffPayment(account: ProviderAccount, checkoutId: string): Promise<ProviderOneOffPayment> {
    const session = await this.stripe.call(account, (s) =>
      s.checkout.sessions.retrieve(checkoutId, { expand: ['payment_intent.latest_charge.balance_transaction'] }),
    );
    if (session.mode !== 'payment')
      throw new Error(`checkout session ${checkoutId} is not a one-off payment (${session.mode})`);
    const intent = typeof session.payment_intent === 'string' ? null : session.payment_intent;
    const charge = intent && typeof intent.latest_charge !== 'string' ? intent.latest_charge : null;
    const txn = charge && typeof charge.balance_transaction !== 'string' ? charge.balance_transaction : null;
    const paid = session.payment_status === 'paid' && charge?.status === 'succeeded';
    return {
      checkoutId: session.id,
      purchaseId: session.metadata?.purchase_id || null,
      paid,
      currency: (session.currency ?? '').toUpperCase(),
      amountPaid: paid ? fromProviderNumber(charge.amount) : 0n,
      tax: fromProviderNumber(session.total_details?.amount_tax ?? 0),
      paymentIntentId: idOf(session.payment_intent),
      chargeId: charge?.id ?? null,
      balanceTransactionId: txn?.id ?? null,
      fee: txn ? fromProviderNumber(txn.fee) : 0n,
      paidAt: paid ? fromUnix(charge.created) : null,
    };
  }

  async listCompletedPurchaseCheckoutsPage(
    account: ProviderAccount,
    since: Date,
    page: PageRequest,
  ): Promise<ListedPage<string>> {
    const list = await this.stripe.call(account, (s) =>
      s.checkout.sessions.list({
        status: 'complete',
        created: { gte: Math.floor(since.getTime() / 1000) },
        limit: page.limit,
        starting_after: page.after ?? undefined,
      }),
    );
    return {
      items: list.data.filter((s) => s.mode === 'payment' && s.metadata?.purchase_id).map((s) => s.id),
      next: list.has_more ? (list.data.at(-1)?.id ?? null) : null,
    };
  }

  async createPortal(account: ProviderAccount, customerId: string, returnUrl: string): Promise<{ url: string }> {
    const session = await this.stripe.call(account, (s) =>
      s.billingPortal.sessions.create({ customer: customerId, return_url: returnUrl }),
    );
    return { url: session.url };
  }

  private async promotionCodeIdOf(account: ProviderAccount, code: string): Promise<string> {
    const found = await this.stripe.call(account, (s) => s.promotionCodes.list({ code, active: true, limit: 1 }));
    if (!found.data[0]) throw new UnknownPromotionCodeError(`no active promotion code ${code}`);
    return found.data[0].id;
  }
}
