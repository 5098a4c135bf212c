import 'reflect-metadata';
import { runServiceMain, startService } from '@libs/common';
import { PaymentsEnv } from './config/payments.config';
import { PaymentsAppModule } from './payments-app.module';

runServiceMain('payments', PaymentsEnv, (instance) =>
  startService(PaymentsAppModule.register(instance), { ...instance, handleSignals: true }),
);
