import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { TenantScopedRequest } from '../by-id.request';
import { PRODUCT_TYPES } from './product.rpc';

/** A percentage with at most two decimals, as a string: "10", "8", "5.5". */
export const PERCENTAGE = /^(100|[0-9]{1,2})(\.[0-9]{1,2})?$/;

export class CreateTaxRateRequest {
  @IsIn(PRODUCT_TYPES) productType!: (typeof PRODUCT_TYPES)[number];
  @Matches(PERCENTAGE, {
    message: 'percentage must be a number of percent with at most two decimals, as a string ("10", "8", "5.5")',
  })
  percentage!: string;
  /** Vietnamese consumer prices include VAT: true unless the price is net. */
  @IsBoolean() inclusive!: boolean;
  @IsString() @Length(1, 50) displayName!: string;
  /** ISO instants; the period is [from, to). Periods of one product type may not overlap. */
  @IsString() effectiveFrom!: string;
  @IsOptional() @IsString() effectiveTo?: string;
}

export class TaxRateView {
  @IsUUID() id!: string;
  @IsIn(PRODUCT_TYPES) productType!: string;
  @Matches(PERCENTAGE) percentage!: string;
  @IsBoolean() inclusive!: boolean;
  @IsString() displayName!: string;
  @IsString() effectiveFrom!: string;
  @Nullable() @IsOptional() @IsString() effectiveTo!: string | null;
}

export class TaxRateListResponse {
  @ValidateNested({ each: true }) @Type(() => TaxRateView) items!: TaxRateView[];
}

export const CreateTaxRate = defineRpc({
  subject: 'subscriptions.tax-rate.create.v1',
  request: CreateTaxRateRequest,
  response: TaxRateView,
  description: 'A VAT rate for a product type over a period (e.g. 10%, or 8% while a reduction lasts).',
  roles: ['admin', 'finance'],
});

export const ListTaxRates = defineRpc({
  subject: 'subscriptions.tax-rate.list.v1',
  request: TenantScopedRequest,
  response: TaxRateListResponse,
  description: "The agency's VAT rate table, by product type and period.",
  roles: ['admin', 'finance'],
});
