import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module';
import { PayPageController } from './pay-page.controller';
import { PayPageService } from './pay-page.service';

/** The payer's side of pay links, `<PUBLIC_BASE_URL>/pay/<agency id>/<payment id>?token=…`. */
@Module({
  imports: [TenantsModule],
  controllers: [PayPageController],
  providers: [PayPageService],
})
export class PayPageModule {}
