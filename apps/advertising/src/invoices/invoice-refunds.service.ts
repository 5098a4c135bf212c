import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RemoteRpcError, RpcClient } from '@libs/common';
import { RefundPayment, RpcErrorCode } from '@libs/contracts';
import { refundsToAsk } from './invoice-balance';
import { moneyOf } from './invoice-view';
import type { Invoice } from './invoice.entity';
import { InvoiceRepository } from './invoice.repository';
import { streamBillingCaller } from './stream-billing-caller';

/** What the payments service takes of a reason (255 bytes): 80 characters of Vietnamese fit. */
const REASON_CHARACTERS = 80;
/** Invoices with refunds due that one sweep asks the payments service for. */
const SWEEP_BATCH = 50;

/**
 * Money owed back on an invoice (canceled after it was paid, or paid more than it bills) goes back
 * on the rails that took it: recorded as due in the transaction that made it owed, then asked of
 * the payments service outside any transaction, each refund under its own id as the refund key,
 * so a retry after a lost answer refunds once. A rail that refuses (payOS cannot refund by API)
 * leaves it refused, for a bank transfer by hand; a payments service away leaves it due, for the
 * next sweep.
 */
@Injectable()
export class InvoiceRefundsService {
  private readonly logger = new Logger(InvoiceRefundsService.name);

  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly rpc: RpcClient,
  ) {}

  /** Records as due what the (locked) invoice owes back and no refund covers yet, from its rail payments. */
  async recordOwedBack(tx: EntityManager, invoice: Invoice, reason: string): Promise<number> {
    const [payments, refunds] = await Promise.all([
      this.invoices.paymentsOf([invoice.id], tx),
      this.invoices.refundsOf([invoice.id], tx),
    ]);
    const live = refunds.filter((refund) => refund.status !== 'refused');
    const pending = live
      .filter((refund) => refund.status === 'due' || refund.status === 'requested')
      .reduce((sum, refund) => sum + BigInt(refund.amount), 0n);
    const refundable = payments
      .filter((payment) => payment.channel === 'rail')
      .map((payment) => ({
        paymentId: payment.sourceId,
        refundable:
          BigInt(payment.amount) -
          live
            .filter((refund) => refund.paymentId === payment.sourceId)
            .reduce((sum, refund) => sum + BigInt(refund.amount), 0n),
      }));
    const due = refundsToAsk(moneyOf(invoice), pending, refundable);
    await this.invoices.addRefunds(
      tx,
      due.map(({ paymentId, amount }) => ({
        tenantId: invoice.tenantId,
        invoiceId: invoice.id,
        paymentId,
        amount: amount.toString(),
        status: 'due' as const,
        reason,
        failure: null,
      })),
    );
    return due.length;
  }

  /** Asks the payments service for the invoice's due refunds; never throws (what fails stays due or is refused). */
  async askDue(tenantId: string, invoiceId: string): Promise<void> {
    const due = (await this.invoices.refundsOf([invoiceId])).filter((refund) => refund.status === 'due');
    for (const refund of due) {
      try {
        await this.rpc.request(
          RefundPayment,
          {
            id: refund.paymentId,
            amount: refund.amount,
            reason: refund.reason.slice(0, REASON_CHARACTERS),
            refundKey: refund.id,
          },
          streamBillingCaller(tenantId, invoiceId),
        );
        await this.invoices.moveRefund(refund.id, ['due'], 'requested');
      } catch (error) {
        if (
          error instanceof RemoteRpcError &&
          error.code !== RpcErrorCode.Unavailable &&
          error.code !== RpcErrorCode.Internal
        ) {
          await this.invoices.moveRefund(refund.id, ['due'], 'refused', error.message);
          this.logger.warn(`refund ${refund.id} of invoice ${invoiceId} refused: ${error.message}`);
        } else
          this.logger.warn(
            `refund ${refund.id} of invoice ${invoiceId} stays due: ${error instanceof Error ? error.message : String(error)}`,
          );
      }
    }
  }

  /** The sweep: every invoice with a refund still due. */
  async askAllDue(): Promise<number> {
    const invoices = await this.invoices.findDueRefunds(SWEEP_BATCH);
    for (const { tenantId, invoiceId } of invoices) await this.askDue(tenantId, invoiceId);
    return invoices.length;
  }
}
