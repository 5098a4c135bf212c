import { Module } from '@nestjs/common';
import { PayPageController } from './pay-page.controller';

/** The payer's side of pay links, `<PUBLIC_BASE_URL>/pay/<agency id>/<payment id>?token=…`. */
@Module({
  controllers: [PayPageController],
})
export class PayPageModule {}
