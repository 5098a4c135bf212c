import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import { OrderView, UpdateOrderLine, UpdateOrderLineRequest } from '@libs/contracts';
import { OrderLinesService } from './order-lines.service';

@Controller()
export class OrderLinesRpcController {
  constructor(private readonly lines: OrderLinesService) {}

  @RpcHandler(UpdateOrderLine)
  update(@Payload() request: UpdateOrderLineRequest, @CallerOf() caller: Caller): Promise<OrderView> {
    const { id, lineId, ...changes } = request;
    return this.lines.update(caller, id, lineId, changes);
  }
}
