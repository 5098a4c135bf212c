import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  ChargeSavedToken,
  ChargeSavedTokenRequest,
  CreatePayment,
  CreatePaymentRequest,
  GetPayment,
  GetPaymentForPayer,
  GetPaymentForPayerRequest,
  ListPayments,
  ListPaymentsRequest,
  PaymentListResponse,
  PaymentAttemptView,
  PaymentView,
  PayerPaymentView,
  StartPaymentAttempt,
  StartPaymentAttemptRequest,
} from '@libs/contracts';
import { PaymentsService } from './payments.service';
import { SavedTokenChargesService } from './saved-token-charges.service';

@Controller()
export class PaymentsRpcController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly charges: SavedTokenChargesService,
  ) {}

  @RpcHandler(CreatePayment)
  create(@Payload() request: CreatePaymentRequest, @CallerOf() caller: Caller): Promise<PaymentView> {
    return this.payments.create(caller.tenantId, request);
  }

  @RpcHandler(ListPayments)
  list(@Payload() request: ListPaymentsRequest, @CallerOf() caller: Caller): Promise<PaymentListResponse> {
    return this.payments.list(caller.tenantId, request);
  }

  @RpcHandler(GetPayment)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<PaymentView> {
    return this.payments.get(caller.tenantId, request.id);
  }

  @RpcHandler(GetPaymentForPayer)
  getForPayer(@Payload() request: GetPaymentForPayerRequest, @CallerOf() caller: Caller): Promise<PayerPaymentView> {
    return this.payments.getForPayer(caller.tenantId, request.id, request.payToken);
  }

  @RpcHandler(StartPaymentAttempt)
  startAttempt(
    @Payload() request: StartPaymentAttemptRequest,
    @CallerOf() caller: Caller,
  ): Promise<PaymentAttemptView> {
    return this.payments.startAttempt(caller.tenantId, request);
  }

  @RpcHandler(ChargeSavedToken)
  chargeSavedToken(@Payload() request: ChargeSavedTokenRequest, @CallerOf() caller: Caller): Promise<PaymentView> {
    return this.charges.charge(caller.tenantId, request);
  }
}
