import 'reflect-metadata';
import { runServiceMain, startService } from '@libs/common';
import { SubscriptionsEnv } from './config/subscriptions.config';
import { SubscriptionsAppModule } from './subscriptions-app.module';

runServiceMain('subscriptions', SubscriptionsEnv, (instance) =>
  startService(SubscriptionsAppModule.register(instance), { ...instance, handleSignals: true }),
);
