import { IsUUID, Matches } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { NON_NEGATIVE_MINOR_UNITS, NON_NEGATIVE_MINOR_UNITS_MESSAGE } from '../money';
import { PlanView } from './plan.rpc';

export class AddPriceRequest {
  @IsUUID() planId!: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS, { message: `unitAmount ${NON_NEGATIVE_MINOR_UNITS_MESSAGE}` }) unitAmount!: string;
}

export const AddPrice = defineRpc({
  subject: 'subscriptions.price.create.v1',
  request: AddPriceRequest,
  response: PlanView,
  description: 'A new price version for a plan; existing subscribers keep theirs.',
  roles: ['admin'],
});
