import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { ByIdRequest, TenantScopedRequest } from '../by-id.request';

export const PRODUCT_TYPES = ['digital-subscription', 'e-paper', 'bundle'] as const;

export const ENTITLEMENT_KEY = /^[a-z][a-z0-9-]{1,62}$/;

export class CreateProductRequest {
  @IsString() @Length(1, 200) name!: string;
  @IsIn(PRODUCT_TYPES) productType!: (typeof PRODUCT_TYPES)[number];
  @ArrayMaxSize(20)
  @Matches(ENTITLEMENT_KEY, {
    each: true,
    message: 'each entitlement must be a lowercase key such as premium-articles',
  })
  entitlements!: string[];
}

export class ProductView {
  @IsUUID() id!: string;
  @IsString() name!: string;
  @IsIn(PRODUCT_TYPES) productType!: string;
  @IsString({ each: true }) entitlements!: string[];
  @IsBoolean() active!: boolean;
}

export class ProductListResponse {
  @ValidateNested({ each: true }) @Type(() => ProductView) items!: ProductView[];
}

export const CreateProduct = defineRpc({
  subject: 'subscriptions.product.create.v1',
  request: CreateProductRequest,
  response: ProductView,
  description: 'Creates a product readers can subscribe to, with the entitlements it grants.',
  roles: ['admin'],
});

export const ListProducts = defineRpc({
  subject: 'subscriptions.product.list.v1',
  request: TenantScopedRequest,
  response: ProductListResponse,
  description: "The agency's products.",
  roles: ['admin', 'editor', 'finance'],
});

export const GetProduct = defineRpc({
  subject: 'subscriptions.product.get.v1',
  request: ByIdRequest,
  response: ProductView,
  description: 'One product.',
  roles: ['admin', 'editor', 'finance'],
});
