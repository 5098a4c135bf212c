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

@Controller()
export class CatalogRpcController {
  constructor(private readonly catalog: CatalogService) {}

  @RpcHandler(CreateProduct)
  createProduct(@Payload() request: CreateProductRequest, @CallerOf() caller: Caller): Promise<ProductView> {
    return this.catalog.createProduct(caller.tenantId, request);
  }

  @RpcHandler(ListProducts)
  async listProducts(
    @Payload() _request: TenantScopedRequest,
    @CallerOf() caller: Caller,
  ): Promise<ProductListResponse> {
    return { items: await this.catalog.listProducts(caller.tenantId) };
  }

  @RpcHandler(GetProduct)
  getProduct(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<ProductView> {
    return this.catalog.getProduct(caller.tenantId, request.id);
  }

  @RpcHandler(CreatePlan)
  createPlan(@Payload() request: CreatePlanRequest, @CallerOf() caller: Caller): Promise<PlanView> {
    return this.catalog.createPlan(caller.tenantId, request);
  }

  @RpcHandler(AddPrice)
  addPrice(@Payload() request: AddPriceRequest, @CallerOf() caller: Caller): Promise<PlanView> {
    return this.catalog.addPrice(caller.tenantId, request);
  }

  @RpcHandler(ListPlans)
  async listPlans(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<PlanListResponse> {
    return { items: await this.catalog.listPlans(caller.tenantId) };
  }

  @RpcHandler(GetPlan)
  getPlan(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<PlanView> {
    return this.catalog.getPlan(caller.tenantId, request.id);
  }
}
