import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Plan } from './plan.entity';
import { Price } from './price.entity';
import { Product } from './product.entity';

/** The only code that reads and writes products, plans and prices. */
@Injectable()
export class CatalogRepository {
  constructor(private readonly dataSource: DataSource) {}

  findProductsOfTenant(tenantId: string): Promise<Product[]> {
    return this.dataSource.getRepository(Product).find({ where: { tenantId }, order: { createdAt: 'ASC' } });
  }

  findProductOfTenant(
    tenantId: string,
    id: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<Product | null> {
    return tx.getRepository(Product).findOne({ where: { tenantId, id } });
  }

  findPlansOfTenant(tenantId: string): Promise<Plan[]> {
    return this.dataSource.getRepository(Plan).find({ where: { tenantId }, order: { createdAt: 'ASC' } });
  }

  findPlanOfTenant(tenantId: string, id: string): Promise<Plan | null> {
    return this.dataSource.getRepository(Plan).findOne({ where: { tenantId, id } });
  }

  /** The plan, which must exist (a price of the agency's names it). */
  findPlanOfTenantOrFail(tx: EntityManager, tenantId: string, id: string): Promise<Plan> {
    return tx.getRepository(Plan).findOneOrFail({ where: { tenantId, id } });
  }

  findPlansByIds(tx: EntityManager, tenantId: string, ids: string[]): Promise<Plan[]> {
    return tx.getRepository(Plan).find({ where: { tenantId, id: In(ids) } });
  }

  findPricesOfPlans(tenantId: string, planIds: string[]): Promise<Price[]> {
    if (planIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(Price)
      .find({ where: { tenantId, planId: In(planIds) }, order: { version: 'ASC' } });
  }

  findPriceOfTenant(tx: EntityManager, tenantId: string, id: string): Promise<Price | null> {
    return tx.getRepository(Price).findOne({ where: { tenantId, id } });
  }

  findPriceByProviderId(tx: EntityManager, tenantId: string, providerPriceId: string): Promise<Price | null> {
    return tx.getRepository(Price).findOne({ where: { tenantId, providerPriceId } });
  }

  findProductsByIds(tenantId: string, ids: string[], tx: EntityManager = this.dataSource.manager): Promise<Product[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return tx.getRepository(Product).find({ where: { tenantId, id: In(ids) } });
  }

  async insertProduct(tx: EntityManager, product: Product): Promise<void> {
    await tx.getRepository(Product).insert(product);
  }

  async insertPlanWithPrice(tx: EntityManager, plan: Plan, price: Price): Promise<void> {
    await tx.getRepository(Plan).insert(plan);
    await tx.getRepository(Price).insert(price);
  }

  /** Next version of a plan's price; the unique (plan, version) settles a race. */
  async insertNextPrice(tx: EntityManager, price: Omit<Price, 'version' | 'createdAt'>): Promise<void> {
    await tx.query(
      `INSERT INTO subscriptions.prices (id, tenant_id, plan_id, version, currency, unit_amount, provider_price_id)
       SELECT $1, $2, $3, COALESCE(MAX(version), 0) + 1, $4, $5, $6 FROM subscriptions.prices WHERE plan_id = $3`,
      [price.id, price.tenantId, price.planId, price.currency, price.unitAmount, price.providerPriceId],
    );
  }
}
