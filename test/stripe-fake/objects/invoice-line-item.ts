import { WireInvoiceLineItem, WirePrice } from './wire-types';

export interface InvoiceLineInput {
  id: string;
  invoice: string | null;
  subscription: string;
  subscriptionItem: string;
  price: WirePrice;
  quantity: number;
  amount: number;
  description: string;
  periodStart: number;
  periodEnd: number;
  /** Set for the lines a subscription change creates (they come from invoice items). */
  proration: { invoiceItem: string } | null;
}

export function buildInvoiceLineItem(input: InvoiceLineInput): WireInvoiceLineItem {
  return {
    id: input.id,
    object: 'line_item',
    amount: input.amount,
    currency: input.price.currency,
    description: input.description,
    discount_amounts: [],
    discountable: !input.proration,
    discounts: [],
    invoice: input.invoice,
    livemode: false,
    metadata: {},
    parent: {
      type: 'subscription_item_details',
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: input.proration?.invoiceItem ?? null,
        proration: input.proration !== null,
        proration_details: { credited_items: null },
        subscription: input.subscription,
        subscription_item: input.subscriptionItem,
      },
    },
    period: { start: input.periodStart, end: input.periodEnd },
    pretax_credit_amounts: [],
    pricing: {
      type: 'price_details',
      price_details: {
        price: input.price.id,
        product: typeof input.price.product === 'string' ? input.price.product : input.price.product.id,
      },
      unit_amount_decimal: input.quantity > 0 ? String(input.amount / input.quantity) : input.price.unit_amount_decimal,
    },
    quantity: input.quantity,
    quantity_decimal: String(input.quantity),
    subscription: input.subscription,
    subtotal: input.amount,
    taxes: [],
  };
}
