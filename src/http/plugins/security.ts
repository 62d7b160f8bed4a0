import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/load-config.ts';
import { AppError } from '../../errors/app-error.ts';
import { registerSecurityHeaders } from './security-headers.ts';

// Probes and scrapers poll often and carry no user data; static files are cached by the browser.
const notRateLimited = /^\/(healthz|readyz|metrics)$|^\/assets\//;

/**
 * Security headers, cookies and rate limits. The CSP allows only our own origin; styles may be inline
 * because Ant Design injects its CSS at run time (scripts may not).
 */
export async function registerSecurity(fastify: FastifyInstance, config: Config): Promise<void> {
  registerSecurityHeaders(fastify, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        ...(config.server.isHttps ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.server.isHttps ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  await fastify.register(cookie);
  await fastify.register(rateLimit, {
    global: true,
    max: config.rateLimit.perMinute,
    timeWindow: '1 minute',
    allowList: (request) => notRateLimited.test(request.url.split('?')[0] ?? ''),
    errorResponseBuilder: () => new AppError('rate_limited', 'Rate limit exceeded'),
  });
}
