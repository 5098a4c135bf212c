import 'reflect-metadata';
import { runServiceMain, startService } from '@libs/common';
import { PaywallEnv } from './config/paywall.config';
import { PaywallAppModule } from './paywall-app.module';

runServiceMain('paywall', PaywallEnv, (instance) =>
  startService(PaywallAppModule.register(instance), { ...instance, handleSignals: true }),
);
