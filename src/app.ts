import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { registerApiDocs } from './http/plugins/api-docs.ts';
import { registerErrorHandling } from './http/plugins/error-handling.ts';
import { registerMetrics } from './http/plugins/metrics.ts';
import { registerRequestLogging } from './http/plugins/request-logging.ts';
import { registerSecurity } from './http/plugins/security.ts';
import { registerWebApp } from './http/plugins/web-app.ts';
import { healthRoutes } from './http/routes/health.ts';
import { operatorRoutes } from './http/routes/site/operator.ts';
import { ProblemSchema } from './http/problem-schema.ts';
import type { AppServices } from './http/services.ts';

/**
 * The application as one Fastify plugin, in three tiers: external wiring (security, docs), the app's
 * shared services (errors, logging, metrics), then the routes. server.ts and the tests register it on
 * a Fastify instance made by createFastify().
 */
async function app(fastify: FastifyInstance, services: AppServices): Promise<void> {
  fastify.decorate('services', services);

  await registerSecurity(fastify, services.config);
  await registerApiDocs(fastify, services.config);

  registerErrorHandling(fastify);
  registerRequestLogging(fastify);
  registerMetrics(fastify, services.config);
  fastify.addSchema(ProblemSchema);

  await fastify.register(healthRoutes);
  await fastify.register(operatorRoutes);
  await registerWebApp(fastify, services.webRoot);
}

// fastify-plugin: the error handler, hooks and decorations apply to the whole instance.
export default fp(app, { name: 'besttrav-app', fastify: '5.x' });
