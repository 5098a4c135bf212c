import { payInvoice } from '../billing/pay-invoice';
import { previewInvoice } from '../billing/preview-invoice';
import { markInvoiceUncollectible, voidInvoice } from '../billing/write-off-invoice';
import { createdFilter } from '../created-filter';
import { listPage } from '../list-page';
import { route, Route } from '../router';

export const invoiceRoutes: Route[] = [
  route('POST', '/v1/invoices/create_preview', ({ account, params }) => previewInvoice(account, params)),
  route('GET', '/v1/invoices/:id', ({ account, path }) => account.get('invoice', path.id)),
  route('POST', '/v1/invoices/:id/pay', ({ account, path, cause }) => payInvoice(account, path.id, cause)),
  route('POST', '/v1/invoices/:id/void', ({ account, path, cause }) =>
    voidInvoice(account, account.get('invoice', path.id), cause),
  ),
  route('POST', '/v1/invoices/:id/mark_uncollectible', ({ account, path, cause }) =>
    markInvoiceUncollectible(account, account.get('invoice', path.id), cause),
  ),
  route('GET', '/v1/invoices/:id/lines', ({ account, params, path, url }) =>
    listPage(account.get('invoice', path.id).lines.data, params, url),
  ),
  route('GET', '/v1/invoices', ({ account, params, url }) => {
    const customer = params.string('customer');
    const subscription = params.string('subscription');
    const status = params.string('status');
    const created = createdFilter(params);
    const invoices = account
      .list('invoice')
      .filter(
        (invoice) =>
          (!customer || invoice.customer === customer) &&
          (!subscription || invoice.parent?.subscription_details?.subscription === subscription) &&
          (!status || invoice.status === status) &&
          created(invoice),
      );
    return listPage(invoices, params, url);
  }),
  route('GET', '/v1/invoice_payments/:id', ({ account, path }) => account.get('invoice_payment', path.id)),
  route('GET', '/v1/invoice_payments', ({ account, params, url }) => {
    const invoice = params.string('invoice');
    const status = params.string('status');
    return listPage(
      account
        .list('invoice_payment')
        .filter((payment) => (!invoice || payment.invoice === invoice) && (!status || payment.status === status)),
      params,
      url,
    );
  }),
];
