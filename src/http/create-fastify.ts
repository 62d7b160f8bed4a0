import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config/load-config.ts';
import type { Logger } from '../logging/create-logger.ts';

// A request id from a proxy is kept only if it cannot carry anything but an id.
const acceptableRequestId = /^[A-Za-z0-9._-]{8,64}$/;

/** The Fastify instance with the server-wide options; the app plugin is registered on it. */
export function createFastify(config: Config, logger: Logger): FastifyInstance {
  return Fastify({
    loggerInstance: logger,
    // Fastify's own pair of request lines is replaced by one line written on response.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    trustProxy: config.server.trustProxy,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && acceptableRequestId.test(incoming) ? incoming : `req_${randomUUID()}`;
    },
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { allErrors: true, removeAdditional: true, coerceTypes: 'array', useDefaults: true } },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as FastifyInstance;
}
