import 'reflect-metadata';
import { runServiceMain, startService } from '@libs/common';
import { FinanceEnv } from './config/finance.config';
import { FinanceAppModule } from './finance-app.module';

runServiceMain('finance', FinanceEnv, (instance) =>
  startService(FinanceAppModule.register(instance), { ...instance, handleSignals: true }),
);
