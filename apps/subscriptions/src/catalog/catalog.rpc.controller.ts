import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  AddPrice,
  AddPriceRequest,
  ByIdRequest,
  CreatePlan,
  CreatePlanRequest,
  CreateProduct,
  CreateProductRequest,
  GetPlan,
  GetProduct,
  ListPlans,
  ListProducts,
  PlanListResponse,
  PlanView,
  ProductListResponse,
  ProductView,
  TenantScopedRequest,
} from '@libs/contracts';
import { CatalogService } from './catalog.service';

const READERS = ['admin', 'editor', 'finance'];

@Controller()
export class CatalogRpcController {
  constructor(private readonly catalog: CatalogService) {}

  @RpcHandler(CreateProduct, { roles: ['admin'] })
  createProduct(@Payload() request: CreateProductRequest, @CallerOf() caller: Caller): Promise<ProductView> {
    return this.catalog.createProduct(caller.tenantId, request);
  }

  @RpcHandler(ListProducts, { roles: READERS })
  async listProducts(
    @Payload() _request: TenantScopedRequest,
    @CallerOf() caller: Caller,
  ): Promise<ProductListResponse> {
    return { items: await this.catalog.listProducts(caller.tenantId) };
  }

  @RpcHandler(GetProduct, { roles: READERS })
  getProduct(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<ProductView> {
    return this.catalog.getProduct(caller.tenantId, request.id);
  }

  @RpcHandler(CreatePlan, { roles: ['admin'] })
  createPlan(@Payload() request: CreatePlanRequest, @CallerOf() caller: Caller): Promise<PlanView> {
    return this.catalog.createPlan(caller.tenantId, request);
  }

  @RpcHandler(AddPrice, { roles: ['admin'] })
  addPrice(@Payload() request: AddPriceRequest, @CallerOf() caller: Caller): Promise<PlanView> {
    return this.catalog.addPrice(caller.tenantId, request);
  }

  @RpcHandler(ListPlans, { roles: READERS })
  async listPlans(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<PlanListResponse> {
    return { items: await this.catalog.listPlans(caller.tenantId) };
  }

  @RpcHandler(GetPlan, { roles: READERS })
  getPlan(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<PlanView> {
    return this.catalog.getPlan(caller.tenantId, request.id);
  }
}
