import { ServiceEnv } from '@libs/common';

export class AdvertisingEnv extends ServiceEnv {
  override HTTP_PORT: number = 3003;
}
