import { Injectable } from '@nestjs/common';
import { currentContext, RemoteRpcError, RpcClient } from '@libs/common';
import {
  GIFT_CODE_INPUT,
  GiftByCodeView,
  GiftRedemptionView,
  LookUpGiftByCode,
  RedeemGift,
  RpcErrorCode,
} from '@libs/contracts';
import { TenantRepository } from '../tenants/tenant.repository';
import { GiftAgency } from './gift-page.html';

export interface FoundGift {
  gift: GiftByCodeView;
  agency: GiftAgency;
}

/** What a reader may type after `/gift/` (as the claim link prints it, or retyped). */
const LOOKS_LIKE_A_CODE = (code: string) => code.length >= 16 && code.length <= 64 && GIFT_CODE_INPUT.test(code);

/**
 * The gift page's two questions to subscriptions. The first, by code alone, finds the gift and
 * its agency; the redemption is then an ordinary request of that agency, as a reader page's.
 */
@Injectable()
export class GiftPageService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tenants: TenantRepository,
  ) {}

  async lookUp(code: string): Promise<FoundGift | null> {
    if (!LOOKS_LIKE_A_CODE(code)) return null;
    let gift: GiftByCodeView;
    try {
      gift = await this.rpc.request(
        LookUpGiftByCode,
        { code },
        { actor: 'gift-page', roles: ['reader'], requestId: this.requestId() },
      );
    } catch (error) {
      if (
        error instanceof RemoteRpcError &&
        (error.code === RpcErrorCode.NotFound || error.code === RpcErrorCode.ValidationFailed)
      )
        return null;
      throw error;
    }
    const context = currentContext();
    if (context) context.tenantId = gift.tenantId;
    const tenant = await this.tenants.findById(gift.tenantId);
    return { gift, agency: { name: tenant?.name ?? '', timeZone: tenant?.timeZone ?? 'Asia/Ho_Chi_Minh' } };
  }

  redeem(found: FoundGift, code: string, reader: { email?: unknown; readerId?: unknown }): Promise<GiftRedemptionView> {
    const caller = {
      tenantId: found.gift.tenantId,
      actor: 'gift-page',
      roles: ['reader'],
      requestId: this.requestId(),
    };
    return this.rpc.request(
      RedeemGift,
      { code, ...reader } as { code: string; email?: string; readerId?: string },
      caller,
    );
  }

  private requestId(): string {
    return currentContext()?.requestId ?? 'gift-page';
  }
}
