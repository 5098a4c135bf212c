import { ServiceEnv } from '@libs/common';

export class SubscriptionsEnv extends ServiceEnv {
  override HTTP_PORT: number = 3002;
}
