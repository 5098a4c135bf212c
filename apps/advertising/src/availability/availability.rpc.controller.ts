import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import { AvailabilityView, GetAvailability, GetAvailabilityRequest } from '@libs/contracts';
import { AvailabilityService } from './availability.service';

@Controller()
export class AvailabilityRpcController {
  constructor(private readonly availability: AvailabilityService) {}

  @RpcHandler(GetAvailability)
  get(@Payload() request: GetAvailabilityRequest, @CallerOf() caller: Caller): Promise<AvailabilityView> {
    return this.availability.availability(caller, request);
  }
}
