import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/load-config.ts';
import { version } from '../../shared/version.ts';

/** The OpenAPI 3.1 document, generated from the route schemas, and its reader at /docs. */
export async function registerApiDocs(fastify: FastifyInstance, config: Config): Promise<void> {
  await fastify.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Besttrav API',
        version,
        description:
          'The API behind the Besttrav customer site and staff console. Errors are RFC 9457 problem documents (application/problem+json) in the language of the Accept-Language header (zh-CN or en).',
      },
      servers: [{ url: config.server.publicUrl }],
      tags: [
        { name: 'system', description: 'Health, readiness and metrics' },
        { name: 'site', description: 'Customer site' },
        { name: 'console', description: 'Staff console (staff session required except for sign-in)' },
        { name: 'partner', description: 'Partner callbacks (signed by the partner; no session)' },
      ],
    },
  });
  await fastify.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: false },
    // The site-wide CSP (helmet) applies here too: Swagger UI loads its scripts from files and only
    // needs inline styles, which that policy allows.
  });
}
