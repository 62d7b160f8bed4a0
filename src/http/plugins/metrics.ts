import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { Config } from '../../config/load-config.ts';
import { AppError } from '../../errors/app-error.ts';

/**
 * Prometheus metrics: process defaults plus one latency histogram per route template (never the raw
 * URL: it could carry identifiers, and would explode the label count). Readable from loopback, or
 * with METRICS_TOKEN from elsewhere.
 */
export function registerMetrics(fastify: FastifyInstance, config: Config): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  fastify.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  fastify.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!canReadMetrics(request, config.metrics.token)) throw new AppError('forbidden', 'Metrics requested from a non-loopback address');
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}

function canReadMetrics(request: FastifyRequest, token: string | undefined): boolean {
  if (token && request.headers.authorization === `Bearer ${token}`) return true;
  return /^(127\.|::1$|::ffff:127\.)/.test(request.ip);
}
