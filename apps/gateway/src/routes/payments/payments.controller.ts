import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  ChargeSavedToken,
  CreatePayment,
  CreatePaymentRequest,
  GetPayment,
  ListPayments,
  ListPaymentsRequest,
  PaymentListResponse,
  PaymentView,
  RefundPayment,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';
import { ShownOnce } from '../../idempotency/shown-once.decorator';
import { PaymentRefundBody } from './payment-refund.body';
import { SavedTokenChargeBody } from './saved-token-charge.body';

/** Payments on the domestic rails: asked for, followed, refunded. */
@ApiTags('payments')
@ApiBearerAuth()
@Controller('v1/payments/payments')
export class PaymentsPaymentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ShownOnce()
  @Access(CreatePayment)
  @ApiOperation({
    summary:
      'Ask for a payment (amount in minor units, VAT included) for a purpose; answers its pay link (`payPageUrl`, a secret to give the payer)',
  })
  @ApiCreatedResponse({ type: PaymentView })
  createPayment(@Body() body: CreatePaymentRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreatePayment, body, caller);
  }

  @Get()
  @Access(ListPayments)
  @ApiOperation({
    summary: "Payments, newest first: `status`, `stream`, `limit` (1-100), `before` (the previous page's `nextBefore`)",
  })
  @ApiOkResponse({ type: PaymentListResponse })
  listPayments(@Query() query: ListPaymentsRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListPayments, query, caller);
  }

  @Get(':id')
  @Access(GetPayment)
  @ApiOkResponse({ type: PaymentView })
  getPayment(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetPayment, { id }, caller);
  }

  @Post(':id/refunds')
  @HttpCode(200)
  @Access(RefundPayment)
  @ApiOperation({ summary: 'Refund a paid payment on its rail, all that is left or `amount` of it' })
  @ApiOkResponse({ type: PaymentView })
  refundPayment(@Param('id', UuidParam) id: string, @Body() body: PaymentRefundBody, @CallerFor() caller: Caller) {
    return this.rpc.request(RefundPayment, { id, ...body }, caller);
  }

  @Post(':id/saved-token-charges')
  @HttpCode(200)
  @Access(ChargeSavedToken)
  @ApiOperation({
    summary:
      "Charge an open payment to a payer's saved wallet, without the payer; asked again while a charge is in flight or once paid, answers the payment as it stands",
  })
  @ApiOkResponse({ type: PaymentView })
  chargeSavedToken(
    @Param('id', UuidParam) id: string,
    @Body() body: SavedTokenChargeBody,
    @CallerFor() caller: Caller,
  ) {
    return this.rpc.request(ChargeSavedToken, { id, ...body }, caller);
  }
}
