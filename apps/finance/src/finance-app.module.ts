import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { AccountRepository } from './accounts/account.repository';
import { AccountsRpcController } from './accounts/accounts.rpc.controller';
import { AccountsService } from './accounts/accounts.service';
import { financeSchema } from './database/finance.schema';
import { TenantsEventsController } from './tenants/tenants.events.controller';

@Module({})
export class FinanceAppModule {
  static register(instance: ServiceInstance): DynamicModule {
    return {
      module: FinanceAppModule,
      imports: [ServiceCoreModule.forService({ ...instance, ...financeSchema })],
      controllers: [AccountsRpcController, TenantsEventsController],
      providers: [AccountsService, AccountRepository],
    };
  }
}
