import { Injectable, Logger } from '@nestjs/common';
import { RpcClient } from '@libs/common';
import { CreatePayment } from '@libs/contracts';
import { AdvertisingEnv } from '../config/advertising.config';
import type { Invoice } from './invoice.entity';
import { InvoiceRepository } from './invoice.repository';
import { streamBillingCaller } from './stream-billing-caller';

/** What the payments service allows a pay link to stay open: at least 5 minutes, at most 90 days. */
const MIN_MINUTES = 5;
const MAX_MINUTES = 129_600;
/** What payments takes of a description (UTF-8 bytes). */
const PURPOSE_BYTES = 255;
const LINE_BYTES = 200;
/** Prepaid invoices one sweep asks pay links for. */
const SWEEP_BATCH = 50;

/**
 * A prepaid invoice's pay link: asked of the payments service after the approval commits (never
 * inside its transaction), for the invoice's total with its lines and VAT and the advertiser as
 * buyer, open until the pay-by time, on the rails the agency enabled. Asked again (a lost answer,
 * payments away), the same invoice is the same purpose and payments answers the same payment.
 */
@Injectable()
export class PayLinksService {
  private readonly logger = new Logger(PayLinksService.name);

  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly rpc: RpcClient,
    private readonly env: AdvertisingEnv,
  ) {}

  /** Asks for the invoice's pay link; never throws (the sweep asks again for what stays without one). */
  async ask(tenantId: string, invoiceId: string, now = new Date()): Promise<void> {
    const invoice = await this.invoices.findOne({ tenantId, advertiserId: null }, invoiceId);
    if (!invoice || !needsPayLink(invoice, now)) return;
    try {
      const minutes = Math.ceil((invoice.payBy!.getTime() - now.getTime()) / 60_000);
      const payment = await this.rpc.request(
        CreatePayment,
        {
          amount: invoice.total,
          currency: invoice.currency,
          purpose: {
            stream: 'advertising',
            reference: invoice.id,
            description: clippedToBytes(`Quảng cáo: ${invoice.description}`, PURPOSE_BYTES),
          },
          buyer: { name: invoice.buyerName, email: null, phone: null, taxCode: invoice.buyerTaxCode, address: null },
          lines: invoice.bookings.map((booking) => ({
            description: clippedToBytes(booking.description, LINE_BYTES),
            quantity: 1,
            amount: booking.taxable,
            vatRateBasisPoints: booking.vatRateBp,
            vatAmount: booking.vat,
          })),
          returnUrl: this.env.ADVERTISER_RETURN_URL,
          expiresInMinutes: Math.min(MAX_MINUTES, Math.max(MIN_MINUTES, minutes)),
        },
        streamBillingCaller(tenantId, invoice.id),
      );
      await this.invoices.linkPayment(tenantId, invoice.id, payment.id, payment.payPageUrl);
    } catch (error) {
      this.logger.warn(
        `no pay link yet for invoice ${invoice.id}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** The sweep: prepaid invoices still open for payment without a pay link. */
  async askMissing(now = new Date()): Promise<number> {
    const missing = await this.invoices.findWithoutPayLink(now, SWEEP_BATCH);
    for (const { tenantId, id } of missing) await this.ask(tenantId, id, now);
    return missing.length;
  }
}

function needsPayLink(invoice: Invoice, now: Date): boolean {
  return (
    invoice.paymentTerms === 'prepay' &&
    invoice.paymentId === null &&
    invoice.payBy !== null &&
    invoice.payBy.getTime() > now.getTime() &&
    invoice.credited === '0'
  );
}

/** `text` cut at a character boundary so that its UTF-8 fits in `maxBytes`. */
function clippedToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let clipped = '';
  for (const character of text) {
    bytes += Buffer.byteLength(character);
    if (bytes > maxBytes) break;
    clipped += character;
  }
  return clipped;
}
