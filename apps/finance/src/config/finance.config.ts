import { ServiceEnv } from '@libs/common';

export class FinanceEnv extends ServiceEnv {
  override HTTP_PORT: number = 3005;
}
