import 'reflect-metadata';
import { runServiceMain } from '@libs/common';
import { GatewayEnv } from './config/gateway.config';
import { startGateway } from './gateway-app';

runServiceMain('gateway', GatewayEnv, (instance) => startGateway(instance, true));
