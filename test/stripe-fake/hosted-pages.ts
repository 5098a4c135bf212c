import { BillingControls } from './billing-controls';
import { FormObject } from './form-body';
import { StripeAccount } from './stripe-account';
import { StripeApiError } from './stripe-api-error';
import { formatAmount } from './stripe-money';
import { StripeStore } from './stripe-store';

export interface HostedPage {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The pages Stripe hosts, reduced to what a browser-driven test needs: the Checkout payment page
 * (`/pay/cs_test_...`, whose form completes the session and redirects to `success_url`), the
 * billing portal (`/portal/bps_...`), and invoice and receipt pages.
 */
export class HostedPages {
  constructor(
    private readonly store: StripeStore,
    private readonly controls: BillingControls,
  ) {}

  async serve(method: string, path: string, form: FormObject): Promise<HostedPage | undefined> {
    const [, section, id] = path.split('/');
    if (!id || !['pay', 'portal', 'invoices', 'receipts'].includes(section)) return undefined;
    const account = this.store.ownerOf(id);
    if (!account) return page(404, 'Not found', `<p>No such page: ${escape(id)}</p>`);
    if (section === 'pay' && method === 'POST') return this.pay(account, id, form);
    if (method !== 'GET') return undefined;
    switch (section) {
      case 'pay':
        return checkoutPage(account, id);
      case 'portal': {
        const session = account.get('billing_portal.session', id);
        return page(
          200,
          'Billing portal',
          `<p>Customer ${escape(session.customer)}</p>${session.return_url ? `<a href="${escape(session.return_url)}">Return</a>` : ''}`,
        );
      }
      case 'invoices': {
        const invoice = account.get('invoice', id);
        return page(
          200,
          `Invoice ${invoice.number ?? invoice.id}`,
          `<p>${escape(invoice.status ?? '')}: ${escape(formatAmount(invoice.amount_due, invoice.currency))}</p>`,
        );
      }
      default: {
        const charge = account.get('charge', id);
        return page(
          200,
          'Receipt',
          `<p>${escape(formatAmount(charge.amount, charge.currency))} ${escape(charge.status)}</p>`,
        );
      }
    }
  }

  private async pay(account: StripeAccount, id: string, form: FormObject): Promise<HostedPage> {
    const email = typeof form.email === 'string' && form.email !== '' ? form.email : undefined;
    const { object: session } = await this.controls.completeCheckout(account, id, {
      paymentSucceeds: form.outcome !== 'fail',
      email,
    });
    if (session.status === 'open')
      return page(402, 'Payment declined', '<p>Your card was declined. Try another one.</p>');
    if (!session.success_url) return page(200, 'Done', '<p>Payment complete.</p>');
    return {
      status: 303,
      headers: { location: session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id) },
      body: '',
    };
  }
}

function checkoutPage(account: StripeAccount, id: string): HostedPage {
  const session = account.get('checkout.session', id);
  if (session.status !== 'open') throw StripeApiError.invalidState(`Checkout Session ${id} is ${session.status}.`);
  const items = (account.checkoutRequests.get(id)?.lineItems ?? [])
    .map(
      (item) =>
        `<li>${item.quantity ?? 1} × ${escape(item.description ?? '')}: ${escape(formatAmount(item.amount_total, item.currency))}</li>`,
    )
    .join('');
  const email =
    session.customer || session.customer_email ? '' : '<label>Email <input name="email" type="email"></label>';
  return page(
    200,
    'Fake Stripe Checkout',
    `<ul>${items}</ul><p>Due today: ${escape(formatAmount(session.amount_total ?? 0, session.currency ?? 'usd'))}</p>` +
      `<form method="post">${email}<button name="outcome" value="succeed">Pay</button><button name="outcome" value="fail">Pay with a declined card</button></form>`,
  );
}

function page(status: number, title: string, body: string): HostedPage {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><title>${escape(title)}</title><h1>${escape(title)}</h1>${body}`,
  };
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
