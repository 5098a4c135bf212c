import { PaymentAccountView } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { TestAgency } from './agencies';
import { RailFake } from './rail-fake';

/**
 * The agency's admin configures an account on the fake's rail (once payments has provisioned the
 * agency) and registers its notification URL at the rail, as VNPay's and payOS's portals ask.
 */
export async function configureRailAccount(
  agency: TestAgency,
  fake: RailFake,
  settings: { savesWallets?: boolean } = {},
): Promise<PaymentAccountView> {
  const credentials = fake.merchant();
  const account = await eventually(async () => {
    const response = await agency.api.put<PaymentAccountView>(`/v1/payments/accounts/${fake.rail}`, {
      environment: 'sandbox',
      enabled: true,
      ...settings,
      credentials,
    });
    if (response.status !== 200) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  });
  fake.setNotificationUrl(credentials, account.notificationUrl);
  return account;
}
