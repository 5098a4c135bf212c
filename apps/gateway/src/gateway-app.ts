import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ServiceInstance, startService } from '@libs/common';
import { GatewayEnv } from './config/gateway.config';
import { buildOpenApiDocument, serveApiDocs } from './docs/openapi';
import { SUITE_VERSION } from './docs/suite-version';
import { GatewayAppModule } from './gateway-app.module';
import { RECONCILIATION_FILE_PATHS } from './routes/finance/reconciliation/reconciliation-file-paths';

/** Starts one gateway instance: the public API, its documents, and the NATS side. */
export function startGateway(
  instance: ServiceInstance<GatewayEnv>,
  handleSignals = false,
): Promise<NestFastifyApplication> {
  return startService(GatewayAppModule.register(instance), {
    ...instance,
    handleSignals,
    bodyLimit: instance.env.BODY_LIMIT_BYTES,
    rawBody: true, // payment webhooks are verified over the exact bytes received
    formPaths: /^\/(gift\/[^/]+\/redeem|pay\/[^/]+\/[^/]+)$/, // the gift and pay pages post forms without a script
    filePaths: RECONCILIATION_FILE_PATHS, // statements are uploaded as they are: CSV or XML
    configure: (app) => {
      // Reader pages on the agencies' own domains call site-key routes (checkout from the snippet).
      // Only site-key headers cross origins: a browser page elsewhere cannot send a bearer key.
      app.enableCors({
        origin: true,
        methods: ['GET', 'POST'],
        allowedHeaders: ['content-type', 'x-site-key', 'x-request-id', 'idempotency-key'],
        maxAge: 86_400,
      });
      serveApiDocs(app, buildOpenApiDocument(app, SUITE_VERSION));
    },
  });
}
