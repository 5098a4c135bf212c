import { IsUUID } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { LineDeliveryChanges } from './line-delivery';
import { OrderView } from './order.rpc';

export class UpdateOrderLineRequest extends LineDeliveryChanges {
  /** The order. */
  @IsUUID() id!: string;
  @IsUUID() lineId!: string;
}

export const UpdateOrderLine = defineRpc({
  subject: 'advertising.order-line.update.v1',
  request: UpdateOrderLineRequest,
  response: OrderView,
  description:
    "Ad ops change how a line is delivered: its priority, frequency cap, pacing or targeting (not its unit, flight or goal). Pages follow within moments; an ended or canceled order's lines no longer change.",
  roles: ['admin', 'adops'],
});
