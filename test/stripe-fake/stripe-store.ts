import { AccountHooks, StripeAccount } from './stripe-account';

/** The fake's accounts by secret key; an id belongs to exactly one of them. */
export class StripeStore {
  private readonly accounts = new Map<string, StripeAccount>();

  constructor(private readonly hooks: AccountHooks) {}

  addAccount(secretKey: string): StripeAccount {
    let account = this.accounts.get(secretKey);
    if (!account) this.accounts.set(secretKey, (account = new StripeAccount(secretKey, this.hooks)));
    return account;
  }

  account(secretKey: string): StripeAccount | undefined {
    return this.accounts.get(secretKey);
  }

  /** The account that holds this id, for the test controls (which are not called with a key). */
  ownerOf(id: string): StripeAccount | undefined {
    return [...this.accounts.values()].find((account) => account.owns(id));
  }
}
