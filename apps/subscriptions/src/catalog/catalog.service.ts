import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditTrail, NotFoundError, parseMinorUnits } from '@libs/common';
import {
  AddPriceRequest,
  CreatePlanRequest,
  CreateProductRequest,
  PlanView,
  PriceView,
  ProductView,
} from '@libs/contracts';
import { ProviderCatalog } from '../payments/provider-catalog';
import { StripeAccountsService } from '../stripe-accounts/stripe-accounts.service';
import { SubscriptionsTenantRepository } from '../tenants/subscriptions-tenant.repository';
import { CatalogRepository } from './catalog.repository';
import { Plan } from './plan.entity';
import { Price } from './price.entity';
import { Product } from './product.entity';

/**
 * Products, plans and versioned prices, mirrored at the payment provider. Provider objects are
 * created first with idempotency keys derived from our own ids, then recorded here.
 */
@Injectable()
export class CatalogService {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly accounts: StripeAccountsService,
    private readonly provider: ProviderCatalog,
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly tenants: SubscriptionsTenantRepository,
  ) {}

  async createProduct(tenantId: string, request: CreateProductRequest): Promise<ProductView> {
    const account = await this.accounts.providerAccountOf(tenantId);
    const id = randomUUID();
    const providerProductId = await this.provider.createProduct(account, `product:${id}`, {
      name: request.name,
      ourId: id,
    });
    const product: Product = {
      id,
      tenantId,
      name: request.name,
      productType: request.productType,
      entitlements: [...new Set(request.entitlements)],
      providerProductId,
      active: true,
      createdAt: new Date(),
    };
    const view = toProductView(product);
    await this.dataSource.transaction(async (tx) => {
      await this.catalog.insertProduct(tx, product);
      await this.audit.record(tx, {
        tenantId,
        action: 'product.created',
        targetType: 'product',
        targetId: id,
        after: view,
      });
    });
    return view;
  }

  async listProducts(tenantId: string): Promise<ProductView[]> {
    return (await this.catalog.findProductsOfTenant(tenantId)).map(toProductView);
  }

  async getProduct(tenantId: string, id: string): Promise<ProductView> {
    const product = await this.catalog.findProductOfTenant(tenantId, id);
    if (!product) throw new NotFoundError('product', id);
    return toProductView(product);
  }

  async createPlan(tenantId: string, request: CreatePlanRequest): Promise<PlanView> {
    const product = await this.catalog.findProductOfTenant(tenantId, request.productId);
    if (!product) throw new NotFoundError('product', request.productId);
    const account = await this.accounts.providerAccountOf(tenantId);
    const currency = request.currency ?? (await this.defaultCurrencyOf(tenantId));
    const plan: Plan = {
      id: randomUUID(),
      tenantId,
      productId: product.id,
      name: request.name,
      interval: request.interval,
      intervalCount: request.intervalCount,
      trialDays: request.trialDays ?? 0,
      changePolicy: request.changePolicy ?? 'immediate-with-proration',
      active: true,
      createdAt: new Date(),
    };
    const priceId = randomUUID();
    const unitAmount = parseMinorUnits(request.unitAmount);
    const providerPriceId = await this.provider.createPrice(account, `price:${priceId}`, {
      productId: product.providerProductId,
      currency,
      unitAmount,
      interval: plan.interval,
      intervalCount: plan.intervalCount,
      ourId: priceId,
    });
    const price: Price = {
      id: priceId,
      tenantId,
      planId: plan.id,
      version: 1,
      currency,
      unitAmount: unitAmount.toString(),
      providerPriceId,
      createdAt: new Date(),
    };
    await this.dataSource.transaction(async (tx) => {
      await this.catalog.insertPlanWithPrice(tx, plan, price);
      await this.audit.record(tx, {
        tenantId,
        action: 'plan.created',
        targetType: 'plan',
        targetId: plan.id,
        after: { ...plan, currentPrice: toPriceView(price) },
      });
    });
    return this.getPlan(tenantId, plan.id);
  }

  /** A new version; the plan's current price moves to it, existing subscribers keep theirs. */
  async addPrice(tenantId: string, request: AddPriceRequest): Promise<PlanView> {
    const plan = await this.catalog.findPlanOfTenant(tenantId, request.planId);
    if (!plan) throw new NotFoundError('plan', request.planId);
    const product = await this.catalog.findProductOfTenant(tenantId, plan.productId);
    const [current] = (await this.catalog.findPricesOfPlans(tenantId, [plan.id])).slice(-1);
    const account = await this.accounts.providerAccountOf(tenantId);
    const priceId = randomUUID();
    const unitAmount = parseMinorUnits(request.unitAmount);
    const providerPriceId = await this.provider.createPrice(account, `price:${priceId}`, {
      productId: product!.providerProductId,
      currency: current.currency,
      unitAmount,
      interval: plan.interval,
      intervalCount: plan.intervalCount,
      ourId: priceId,
    });
    await this.dataSource.transaction(async (tx) => {
      await this.catalog.insertNextPrice(tx, {
        id: priceId,
        tenantId,
        planId: plan.id,
        currency: current.currency,
        unitAmount: unitAmount.toString(),
        providerPriceId,
      });
      await this.audit.record(tx, {
        tenantId,
        action: 'plan.repriced',
        targetType: 'plan',
        targetId: plan.id,
        before: { currentPrice: toPriceView(current) },
        after: { currentPrice: { id: priceId, currency: current.currency, unitAmount: unitAmount.toString() } },
      });
    });
    return this.getPlan(tenantId, plan.id);
  }

  async listPlans(tenantId: string): Promise<PlanView[]> {
    const plans = await this.catalog.findPlansOfTenant(tenantId);
    return this.toPlanViews(tenantId, plans);
  }

  async getPlan(tenantId: string, id: string): Promise<PlanView> {
    const plan = await this.catalog.findPlanOfTenant(tenantId, id);
    if (!plan) throw new NotFoundError('plan', id);
    const [view] = await this.toPlanViews(tenantId, [plan]);
    return view;
  }

  private async toPlanViews(tenantId: string, plans: Plan[]): Promise<PlanView[]> {
    const prices = await this.catalog.findPricesOfPlans(
      tenantId,
      plans.map((p) => p.id),
    );
    const products = new Map(
      (await this.catalog.findProductsByIds(tenantId, [...new Set(plans.map((p) => p.productId))])).map((p) => [
        p.id,
        p,
      ]),
    );
    return plans.map((plan) => {
      const versions = prices.filter((p) => p.planId === plan.id).map(toPriceView);
      return {
        id: plan.id,
        productId: plan.productId,
        name: plan.name,
        interval: plan.interval,
        intervalCount: plan.intervalCount,
        trialDays: plan.trialDays,
        changePolicy: plan.changePolicy,
        entitlements: products.get(plan.productId)?.entitlements ?? [],
        currentPrice: versions[versions.length - 1],
        prices: versions,
        active: plan.active,
      };
    });
  }

  private async defaultCurrencyOf(tenantId: string): Promise<string> {
    const tenant = await this.tenants.findOfTenant(tenantId);
    return tenant?.defaultCurrency ?? 'VND';
  }
}

function toProductView(product: Product): ProductView {
  const { id, name, productType, entitlements, active } = product;
  return { id, name, productType, entitlements, active };
}

function toPriceView(price: Price): PriceView {
  return {
    id: price.id,
    version: price.version,
    currency: price.currency,
    unitAmount: price.unitAmount,
    createdAt: price.createdAt.toISOString(),
  };
}
