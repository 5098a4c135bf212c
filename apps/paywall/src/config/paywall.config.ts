import { ServiceEnv } from '@libs/common';

export class PaywallEnv extends ServiceEnv {
  override HTTP_PORT: number = 3001;
}
