import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  CreateProduct,
  CreateProductRequest,
  GetProduct,
  ListProducts,
  ProductListResponse,
  ProductView,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** Products: what is sold and the entitlements it grants. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/products')
export class SubscriptionsProductsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Access(CreateProduct)
  @ApiCreatedResponse({ type: ProductView })
  createProduct(@Body() body: CreateProductRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateProduct, body, caller);
  }

  @Get()
  @Access(ListProducts)
  @ApiOkResponse({ type: ProductListResponse })
  listProducts(@CallerFor() caller: Caller) {
    return this.rpc.request(ListProducts, {}, caller);
  }

  @Get(':id')
  @Access(GetProduct)
  @ApiOkResponse({ type: ProductView })
  getProduct(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetProduct, { id }, caller);
  }
}
