import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  ApproveOrder,
  CancelOrder,
  CreateOrder,
  CreateOrderRequest,
  GetOrder,
  LineDeliveryChanges,
  ListOrders,
  ListOrdersRequest,
  OrderListResponse,
  OrderTransitionReason,
  OrderView,
  RejectOrder,
  SubmitOrder,
  UpdateOrderLine,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** Advertisers' orders: held, submitted, approved by ad ops, live, completed; or rejected, canceled. */
@ApiTags('advertising')
@ApiBearerAuth()
@Controller('v1/advertising/orders')
export class AdvertisingOrdersController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Access(CreateOrder)
  @ApiOperation({
    summary:
      'Book a draft order: each line priced from its rate card and its impressions held (48 h unless `holdHours`) — never beyond capacity (409 naming the days). Send an Idempotency-Key: a retry books once',
  })
  @ApiCreatedResponse({ type: OrderView })
  createOrder(@Body() body: CreateOrderRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateOrder, body, caller);
  }

  @Get()
  @Access(ListOrders)
  @ApiOperation({ summary: "Orders, newest first (100 at most); an advertiser's key sees only its own" })
  @ApiOkResponse({ type: OrderListResponse })
  listOrders(@Query() query: ListOrdersRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListOrders, query, caller);
  }

  @Get(':id')
  @Access(GetOrder)
  @ApiOkResponse({ type: OrderView })
  getOrder(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetOrder, { id }, caller);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Access(SubmitOrder)
  @ApiOperation({
    summary:
      'Submit a draft for approval (it keeps its hold); a takeover needs a creative on every unit (409 naming them)',
  })
  @ApiOkResponse({ type: OrderView })
  submitOrder(@Param('id', UuidParam) id: string, @Body() body: OrderTransitionReason, @CallerFor() caller: Caller) {
    return this.rpc.request(SubmitOrder, { ...body, id }, caller);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Access(ApproveOrder)
  @ApiOperation({
    summary:
      "Approve a submitted order: held becomes sold, each line is invoiced (BookingInvoiced) and the order's invoice issued; a prepaid order gets a pay link and serves only once paid",
  })
  @ApiOkResponse({ type: OrderView })
  approveOrder(@Param('id', UuidParam) id: string, @Body() body: OrderTransitionReason, @CallerFor() caller: Caller) {
    return this.rpc.request(ApproveOrder, { ...body, id }, caller);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Access(RejectOrder)
  @ApiOperation({ summary: 'Reject a submitted order with a reason; its inventory is released' })
  @ApiOkResponse({ type: OrderView })
  rejectOrder(@Param('id', UuidParam) id: string, @Body() body: OrderTransitionReason, @CallerFor() caller: Caller) {
    return this.rpc.request(RejectOrder, { ...body, id }, caller);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Access(CancelOrder)
  @ApiOperation({
    summary:
      "Cancel with a reason: days to come are released; an invoiced order keeps billed what was delivered and the rate card's penalty by notice, and the rest is refunded on its rail (prepaid) or credited. Advertisers cancel only drafts and submitted orders. Send an Idempotency-Key: a retry cancels once",
  })
  @ApiOkResponse({ type: OrderView })
  cancelOrder(@Param('id', UuidParam) id: string, @Body() body: OrderTransitionReason, @CallerFor() caller: Caller) {
    return this.rpc.request(CancelOrder, { ...body, id }, caller);
  }

  @Patch(':id/lines/:lineId')
  @Access(UpdateOrderLine)
  @ApiOperation({
    summary:
      'Ad ops change how a line is delivered: priority (1 first; null clears), frequency cap (impressions per reader in a window of hours; null clears), pacing (even, front-loaded, asap) or targeting (replaced whole); pages follow within moments',
  })
  @ApiOkResponse({ type: OrderView })
  updateOrderLine(
    @Param('id', UuidParam) id: string,
    @Param('lineId', new UuidParam('lineId')) lineId: string,
    @Body() body: LineDeliveryChanges,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(UpdateOrderLine, { ...body, id, lineId }, caller);
  }
}
