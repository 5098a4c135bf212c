import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@libs/common';
import { GiftByCodeView, GiftCodeRequest, LookUpGiftByCode } from '@libs/contracts';
import { GiftsService } from './gifts.service';

/**
 * The gift page at `/gift/<code>` knows no agency: the code is the credential and its hash is
 * unique across agencies, so its contract takes messages without a tenant (`tenantFromRequest`)
 * and answers the gift's agency, to which the gateway scopes the redemption that follows.
 */
@Controller()
export class GiftPageRpcController {
  constructor(private readonly gifts: GiftsService) {}

  @RpcHandler(LookUpGiftByCode)
  lookUp(@Payload() request: GiftCodeRequest): Promise<GiftByCodeView> {
    return this.gifts.lookUpByCode(request.code);
  }
}
