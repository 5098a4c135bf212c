import 'reflect-metadata';
import { runServiceMain, startService } from '@libs/common';
import { LicensingEnv } from './config/licensing.config';
import { LicensingAppModule } from './licensing-app.module';

runServiceMain('licensing', LicensingEnv, (instance) =>
  startService(LicensingAppModule.register(instance), { ...instance, handleSignals: true }),
);
