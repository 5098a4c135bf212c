import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module';
import { GiftPageController } from './gift-page.controller';
import { GiftPageService } from './gift-page.service';

/** The public claim page of gifts, `<PUBLIC_BASE_URL>/gift/<code>`. */
@Module({
  imports: [TenantsModule],
  controllers: [GiftPageController],
  providers: [GiftPageService],
})
export class GiftPageModule {}
