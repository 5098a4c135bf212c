import 'reflect-metadata';
import { runServiceMain, startService } from '@libs/common';
import { AdvertisingEnv } from './config/advertising.config';
import { AdvertisingAppModule } from './advertising-app.module';

runServiceMain('advertising', AdvertisingEnv, (instance) =>
  startService(AdvertisingAppModule.register(instance), { ...instance, handleSignals: true }),
);
