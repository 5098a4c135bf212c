import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import { PaymentView, RefundPayment, RefundPaymentRequest } from '@libs/contracts';
import { PaymentRefundsService } from './payment-refunds.service';

@Controller()
export class PaymentRefundsRpcController {
  constructor(private readonly refunds: PaymentRefundsService) {}

  @RpcHandler(RefundPayment)
  refund(@Payload() request: RefundPaymentRequest, @CallerOf() caller: Caller): Promise<PaymentView> {
    return this.refunds.refund(caller.tenantId, request);
  }
}
