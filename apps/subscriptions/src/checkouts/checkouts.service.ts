import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { NotFoundError, ValidationFailedError } from '@libs/common';
import { CheckoutView, CreateCheckoutRequest, CreatePortalRequest, PortalView, readerKeyOf } from '@libs/contracts';
import { CatalogService } from '../catalog/catalog.service';
import { CatalogRepository } from '../catalog/catalog.repository';
import { CustomersService } from '../customers/customers.service';
import { ProviderCheckout } from '../payments/provider-checkout';
import { UnknownPromotionCodeError } from '../payments/unknown-promotion-code.error';
import { StripeAccountsService } from '../stripe-accounts/stripe-accounts.service';
import { TaxRatesService } from '../tax-rates/tax-rates.service';
import { CheckoutRepository } from './checkout.repository';

@Injectable()
export class CheckoutsService {
  constructor(
    private readonly checkouts: CheckoutRepository,
    private readonly catalog: CatalogService,
    private readonly catalogRepository: CatalogRepository,
    private readonly accounts: StripeAccountsService,
    private readonly customers: CustomersService,
    private readonly provider: ProviderCheckout,
    private readonly taxRates: TaxRatesService,
  ) {}

  /**
   * Opens a hosted checkout for the plan's current price version, with the VAT rate in force.
   * `readerVouchedFor` false (a reader page without the reader's token): the checkout never
   * goes to an existing customer of the provider; the provider makes a new one from the email.
   */
  async open(tenantId: string, request: CreateCheckoutRequest, readerVouchedFor: boolean): Promise<CheckoutView> {
    const plan = await this.catalog.getPlan(tenantId, request.planId);
    if (!plan.active) throw new NotFoundError('plan', request.planId);
    const price = (await this.catalogRepository.findPricesOfPlans(tenantId, [plan.id])).find(
      (p) => p.id === plan.currentPrice.id,
    )!;
    const account = await this.accounts.providerAccountOf(tenantId);
    const reader = {
      readerKey: readerKeyOf(request),
      readerId: request.readerId ?? null,
      email: request.email?.toLowerCase() ?? null,
    };
    const existing = await this.customers.findByReaderKey(tenantId, reader.readerKey);
    const customerId =
      existing && !readerVouchedFor
        ? null
        : (existing ?? (await this.customers.ensure(account, reader))).providerCustomerId;
    const product = await this.catalogRepository.findProductOfTenant(tenantId, plan.productId);
    const taxRateIds = await this.taxRates.providerRatesAt(account, product!.productType, new Date());
    const session = await this.provider
      .createCheckout(account, {
        idempotencyKey: `checkout:${randomUUID()}`,
        providerPriceId: price.providerPriceId,
        customerId,
        email: reader.email,
        readerKey: reader.readerKey,
        trialDays: plan.trialDays,
        promotionCode: request.promotionCode ?? null,
        successUrl: request.successUrl,
        cancelUrl: request.cancelUrl,
        reference: request.reference ?? null,
        taxRateIds,
      })
      .catch((error: unknown) => {
        if (error instanceof UnknownPromotionCodeError)
          throw new ValidationFailedError([{ field: 'promotionCode', message: error.message }]);
        throw error;
      });
    await this.checkouts.insert({
      providerCheckoutId: session.id,
      tenantId,
      readerKey: reader.readerKey,
      planId: plan.id,
      priceId: price.id,
      reference: request.reference ?? null,
      completedAt: null,
    });
    return session;
  }

  async openPortal(tenantId: string, request: CreatePortalRequest): Promise<PortalView> {
    const customer = await this.customers.findByReaderKey(tenantId, readerKeyOf(request));
    if (!customer) throw new NotFoundError('reader');
    const account = await this.accounts.providerAccountOf(tenantId);
    return this.provider.createPortal(account, customer.providerCustomerId, request.returnUrl);
  }
}
