import { Injectable } from '@nestjs/common';
import { currentContext, RemoteRpcError, RpcClient } from '@libs/common';
import {
  GetPaymentForPayer,
  PayerPaymentView,
  PaymentAttemptView,
  PaymentRailName,
  READER_ROLE,
  RpcErrorCode,
  StartPaymentAttempt,
} from '@libs/contracts';
import { TenantRepository } from '../tenants/tenant.repository';
import { PayeeAgency } from './pay-page.html';
import { PayerLanguage } from './payer-language';

export interface PayerPayment {
  payment: PayerPaymentView;
  agency: PayeeAgency;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The pay link's token, as the payments service derives it. */
const PAY_TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

/**
 * The pay page's questions to payments, each asked as the payer of the agency named in the link,
 * with the link's token as their only credential.
 */
@Injectable()
export class PayPageService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tenants: TenantRepository,
  ) {}

  /** The payment and its agency; null for a malformed link, an unknown payment, or a token that is not its own. */
  async find(tenantId: string, paymentId: string, token: unknown): Promise<PayerPayment | null> {
    if (!UUID.test(tenantId) || !UUID.test(paymentId) || typeof token !== 'string' || !PAY_TOKEN.test(token))
      return null;
    let payment: PayerPaymentView;
    try {
      payment = await this.rpc.request(GetPaymentForPayer, { id: paymentId, payToken: token }, this.payerOf(tenantId));
    } catch (error) {
      if (
        error instanceof RemoteRpcError &&
        (error.code === RpcErrorCode.NotFound || error.code === RpcErrorCode.ValidationFailed)
      )
        return null;
      throw error;
    }
    const context = currentContext();
    if (context) context.tenantId = tenantId;
    const tenant = await this.tenants.findById(tenantId);
    return { payment, agency: { name: tenant?.name ?? '', timeZone: tenant?.timeZone ?? 'Asia/Ho_Chi_Minh' } };
  }

  startAttempt(
    tenantId: string,
    paymentId: string,
    attempt: { token: string; rail: PaymentRailName; language: PayerLanguage; clientIp: string },
  ): Promise<PaymentAttemptView> {
    return this.rpc.request(
      StartPaymentAttempt,
      {
        id: paymentId,
        payToken: attempt.token,
        rail: attempt.rail,
        locale: attempt.language,
        clientIp: attempt.clientIp,
      },
      this.payerOf(tenantId),
    );
  }

  private payerOf(tenantId: string) {
    return { tenantId, actor: 'payer', roles: [READER_ROLE], requestId: currentContext()?.requestId ?? 'pay-page' };
  }
}
