import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  AddPrice,
  BillingSettingsView,
  CheckoutView,
  ConfigureStripeAccount,
  ConfigureStripeAccountRequest,
  CreateCheckout,
  CreateCheckoutRequest,
  CreatePlan,
  CreatePlanRequest,
  CreatePortal,
  CreatePortalRequest,
  CreateProduct,
  CreateProductRequest,
  EntitlementsQuery,
  EntitlementsView,
  GetBillingSettings,
  GetEntitlements,
  GetPlan,
  GetProduct,
  GetStripeAccount,
  ListPlans,
  ListProducts,
  PlanListResponse,
  PlanView,
  PortalView,
  ProductListResponse,
  ProductView,
  ReaderQuery,
  StripeAccountView,
  GetReaderSubscription,
  ListReaderSubscriptions,
  ReaderSubscriptionListResponse,
  ReaderSubscriptionView,
  UpdateDunning,
  UpdateDunningRequest,
} from '@libs/contracts';
import { Access } from '../auth/access.decorator';
import { CallerFor } from '../auth/current-principal.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { NewPriceBody } from './new-price.body';

@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions')
export class SubscriptionsViewsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('billing-settings')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOkResponse({ type: BillingSettingsView })
  billingSettings(@CallerFor() caller: Caller) {
    return this.rpc.request(GetBillingSettings, {}, caller);
  }

  @Put('billing-settings/dunning')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({
    summary: 'Dunning policy: retries allowed, grace days with access, cancel or pause after the last failure',
  })
  @ApiOkResponse({ type: BillingSettingsView })
  updateDunning(@Body() body: UpdateDunningRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(UpdateDunning, body, caller);
  }

  @Put('stripe-account')
  @Access({ roles: ['admin'] })
  @ApiOperation({
    summary: "Store the agency's Stripe secret key and webhook signing secret (encrypted; never shown again)",
  })
  @ApiOkResponse({ type: StripeAccountView })
  configureStripe(@Body() body: ConfigureStripeAccountRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ConfigureStripeAccount, body, caller);
  }

  @Get('stripe-account')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOkResponse({ type: StripeAccountView })
  stripeAccount(@CallerFor() caller: Caller) {
    return this.rpc.request(GetStripeAccount, {}, caller);
  }

  @Post('products')
  @Access({ roles: ['admin'] })
  @ApiCreatedResponse({ type: ProductView })
  createProduct(@Body() body: CreateProductRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateProduct, body, caller);
  }

  @Get('products')
  @Access({ roles: ['admin', 'editor', 'finance'] })
  @ApiOkResponse({ type: ProductListResponse })
  listProducts(@CallerFor() caller: Caller) {
    return this.rpc.request(ListProducts, {}, caller);
  }

  @Get('products/:id')
  @Access({ roles: ['admin', 'editor', 'finance'] })
  @ApiOkResponse({ type: ProductView })
  getProduct(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetProduct, { id }, caller);
  }

  @Post('plans')
  @Access({ roles: ['admin'] })
  @ApiOperation({
    summary: 'Create a plan with its first price (amount in minor units as a string: 99000 VND is "99000")',
  })
  @ApiCreatedResponse({ type: PlanView })
  createPlan(@Body() body: CreatePlanRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreatePlan, body, caller);
  }

  @Get('plans')
  @Access({ roles: ['admin', 'editor', 'finance'] })
  @ApiOkResponse({ type: PlanListResponse })
  listPlans(@CallerFor() caller: Caller) {
    return this.rpc.request(ListPlans, {}, caller);
  }

  @Get('plans/:id')
  @Access({ roles: ['admin', 'editor', 'finance'] })
  @ApiOkResponse({ type: PlanView })
  getPlan(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetPlan, { id }, caller);
  }

  @Post('plans/:id/prices')
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'A new price version; new subscribers get it, existing ones keep theirs' })
  @ApiCreatedResponse({ type: PlanView })
  addPrice(@Param('id', UuidParam) id: string, @Body() body: NewPriceBody, @CallerFor() caller: Caller) {
    return this.rpc.request(AddPrice, { planId: id, unitAmount: body.unitAmount }, caller);
  }

  @Post('checkout-sessions')
  @Access({ roles: ['admin', 'editor'], orSiteKey: true })
  @ApiOperation({ summary: 'A hosted checkout for a plan; send the reader to `url`' })
  @ApiCreatedResponse({ type: CheckoutView })
  checkout(@Body() body: CreateCheckoutRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateCheckout, body, caller);
  }

  @Post('portal-sessions')
  @Access({ roles: ['admin', 'editor'] })
  @ApiCreatedResponse({ type: PortalView })
  portal(@Body() body: CreatePortalRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreatePortal, body, caller);
  }

  @Get('subscriptions')
  @Access({ roles: ['admin', 'editor', 'finance'] })
  @ApiOperation({ summary: "A reader's subscriptions (readerId or email), newest first" })
  @ApiOkResponse({ type: ReaderSubscriptionListResponse })
  readerSubscriptions(@Query() query: ReaderQuery, @CallerFor() caller: Caller) {
    return this.rpc.request(ListReaderSubscriptions, query, caller);
  }

  @Get('subscriptions/:id')
  @Access({ roles: ['admin', 'editor', 'finance'] })
  @ApiOkResponse({ type: ReaderSubscriptionView })
  readerSubscription(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetReaderSubscription, { id }, caller);
  }

  @Get('entitlements')
  @HttpCode(200)
  @Access({ roles: ['admin', 'editor', 'finance'] })
  @ApiOperation({
    summary:
      "A reader's (readerId or email) or an IP address's active entitlements now, until when and why (subscription, gift, group)",
  })
  @ApiOkResponse({ type: EntitlementsView })
  entitlements(@Query() query: EntitlementsQuery, @CallerFor() caller: Caller) {
    return this.rpc.request(GetEntitlements, query, caller);
  }
}
