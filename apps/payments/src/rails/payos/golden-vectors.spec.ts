import { PayOS } from '@payos/node';
import { RailAccount } from '../payment-rail';
import { RailHttp } from '../rail-http';
import { PayosRail } from './payos-rail';

// Source of the webhook vector: payOS's documentation, "Kiểm tra dữ liệu với signature"
// (https://payos.vn/docs/tich-hop-webhook/kiem-tra-du-lieu-voi-signature): its PHP sample's
// checksum key, webhook data and signature. (The webhook schema page shows the same data with
// another signature, 8d8640d8…, made with a key it does not give: not usable as a vector.)
const DOC_CHECKSUM_KEY = '1a54716c8f0efb2744fb28b6e38b25da7f67a925d98bc1c18bd8faaecadd7675';
const DOC_WEBHOOK = {
  code: '00',
  desc: 'success',
  success: true,
  data: {
    orderCode: 123,
    amount: 3000,
    description: 'VQRIO123',
    accountNumber: '12345678',
    reference: 'TF230204212323',
    transactionDateTime: '2023-02-04 18:25:00',
    currency: 'VND',
    paymentLinkId: '124c33293c43417ab7879e14c8d9eb18',
    code: '00',
    desc: 'Thành công',
    counterAccountBankId: '',
    counterAccountBankName: '',
    counterAccountName: '',
    counterAccountNumber: '',
    virtualAccountName: '',
    virtualAccountNumber: '',
  },
  signature: '412e915d2871504ed31be63c8f62a149a4410d34c4c42affc9006ef9917eaa03',
};

// payOS publishes no create-request example with a key and its signature. These are the documented
// five fields in the documented order, signed by `openssl dgst -sha256 -hmac <key>` (not by Node).
const CREATE_VECTORS = [
  {
    request: {
      orderCode: 123,
      amount: 3000,
      description: 'VQRIO123',
      cancelUrl: 'https://your-domain.com/cancel',
      returnUrl: 'https://your-domain.com/success',
    },
    signedString:
      'amount=3000&cancelUrl=https://your-domain.com/cancel&description=VQRIO123&orderCode=123&returnUrl=https://your-domain.com/success',
    signature: '8694975926f17ef0b93f048fa311ef8dc3911c37ea6113f6c54de4b4e82e8d82',
  },
  {
    // Values are signed raw: '&' and '?' inside a URL are not encoded.
    request: {
      orderCode: 9007199254740991,
      amount: 50000,
      description: 'Thanh toan don 1234',
      cancelUrl: 'https://shop.example/pay?x=1&y=2',
      returnUrl: 'https://shop.example/pay?x=1&y=2',
    },
    signedString:
      'amount=50000&cancelUrl=https://shop.example/pay?x=1&y=2&description=Thanh toan don 1234&orderCode=9007199254740991&returnUrl=https://shop.example/pay?x=1&y=2',
    signature: '26563266691816812f9cf2376d08e0a9a3d92b22cfa22aa4e444c754d08cee85',
  },
];

const account: RailAccount = {
  id: 'account-1',
  tenantId: 'tenant-1',
  rail: 'payos',
  environment: 'production',
  credentials: {
    clientId: '00000000-0000-4000-8000-000000000001',
    apiKey: '00000000-0000-4000-8000-000000000002',
    checksumKey: DOC_CHECKSUM_KEY,
  },
  baseUrl: 'https://api-merchant.payos.vn',
};

function webhookOf(body: unknown) {
  return {
    method: 'POST' as const,
    query: new URLSearchParams(),
    headers: {},
    body: Buffer.from(JSON.stringify(body)),
  };
}

describe('payOS golden vectors', () => {
  const rail = new PayosRail(new RailHttp(5_000));

  it("verifies payOS's documented webhook with its documented checksum key", () => {
    const reading = rail.readNotification(account, webhookOf(DOC_WEBHOOK));
    expect(reading.verified).toBe(true);
  });

  it('reads the documented webhook, which is also the URL confirmation sample, as an order payOS never had', () => {
    const reading = rail.readNotification(account, webhookOf(DOC_WEBHOOK));
    expect(reading).toMatchObject({
      verified: true,
      report: { orderReference: '123', outcome: 'not-found', amount: null },
    });
  });

  it('refuses the documented webhook once one signed field is changed', () => {
    const tampered = { ...DOC_WEBHOOK, data: { ...DOC_WEBHOOK.data, amount: 300000 } };
    expect(rail.readNotification(account, webhookOf(tampered))).toMatchObject({
      verified: false,
      reason: 'bad-signature',
    });
  });

  it('refuses the documented webhook under another checksum key', () => {
    const other = { ...account, credentials: { ...account.credentials, checksumKey: 'f'.repeat(64) } };
    expect(rail.readNotification(other, webhookOf(DOC_WEBHOOK))).toMatchObject({
      verified: false,
      reason: 'bad-signature',
    });
  });

  it.each(CREATE_VECTORS)('signs a create request as $signedString', async ({ request, signature }) => {
    // The adapter leaves the create signature to the SDK: this pins the SDK to the documented formula.
    const sdk = new PayOS({ ...account.credentials, baseURL: account.baseUrl, logLevel: 'off' });
    await expect(sdk.crypto.createSignatureOfPaymentRequest(request, DOC_CHECKSUM_KEY)).resolves.toBe(signature);
  });
});
