import { ServiceEnv } from '@libs/common';

export class LicensingEnv extends ServiceEnv {
  override HTTP_PORT: number = 3004;
}
