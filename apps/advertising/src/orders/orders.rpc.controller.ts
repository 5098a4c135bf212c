import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ApproveOrder,
  ByIdRequest,
  CancelOrder,
  CreateOrder,
  CreateOrderRequest,
  GetOrder,
  ListOrders,
  ListOrdersRequest,
  OrderListResponse,
  OrderView,
  RejectOrder,
  SubmitOrder,
  TransitionOrderRequest,
} from '@libs/contracts';
import { OrderTransitionsService } from './order-transitions.service';
import { OrdersService } from './orders.service';

@Controller()
export class OrdersRpcController {
  constructor(
    private readonly orders: OrdersService,
    private readonly transitions: OrderTransitionsService,
  ) {}

  @RpcHandler(CreateOrder)
  create(@Payload() request: CreateOrderRequest, @CallerOf() caller: Caller): Promise<OrderView> {
    return this.orders.create(caller, request);
  }

  @RpcHandler(ListOrders)
  async list(@Payload() request: ListOrdersRequest, @CallerOf() caller: Caller): Promise<OrderListResponse> {
    return { items: await this.orders.list(caller, request) };
  }

  @RpcHandler(GetOrder)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<OrderView> {
    return this.orders.get(caller, request.id);
  }

  @RpcHandler(SubmitOrder)
  submit(@Payload() request: TransitionOrderRequest, @CallerOf() caller: Caller): Promise<OrderView> {
    return this.transitions.request(caller, request.id, 'submit', request.reason);
  }

  @RpcHandler(ApproveOrder)
  approve(@Payload() request: TransitionOrderRequest, @CallerOf() caller: Caller): Promise<OrderView> {
    return this.transitions.request(caller, request.id, 'approve', request.reason);
  }

  @RpcHandler(RejectOrder)
  reject(@Payload() request: TransitionOrderRequest, @CallerOf() caller: Caller): Promise<OrderView> {
    return this.transitions.request(caller, request.id, 'reject', request.reason);
  }

  @RpcHandler(CancelOrder)
  cancel(@Payload() request: TransitionOrderRequest, @CallerOf() caller: Caller): Promise<OrderView> {
    return this.transitions.request(caller, request.id, 'cancel', request.reason);
  }
}
