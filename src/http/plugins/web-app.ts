import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/load-config.ts';
import { ensureCsrfToken } from './csrf.ts';
import { notFound } from './error-handling.ts';

// Paths that belong to the server, never to the single-page app.
const serverPaths = /^\/(api|docs|healthz|readyz|metrics|assets)(\/|$)/;

/** Whether a built web app (web/dist) exists at `root`. */
export function hasWebBuild(root: string): boolean {
  return fs.existsSync(path.join(root, 'index.html'));
}

/**
 * Serves the built React app: fingerprinted assets cached for a year, index.html revalidated on every
 * visit so a deploy takes effect at once, and every page address of the app answered with index.html.
 * The page carries the CSRF cookie, so the app's first requests never race each other for a token.
 */
export async function registerWebApp(fastify: FastifyInstance, root: string | null, config: Config): Promise<void> {
  if (root !== null) {
    await fastify.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      setHeaders(reply, filePath) {
        const isFingerprinted = filePath.includes(`${path.sep}assets${path.sep}`);
        reply.header('cache-control', isFingerprinted ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  fastify.setNotFoundHandler((request, reply) => {
    if (root !== null && isPageRequest(request)) return sendIndex(request, reply, config);
    return notFound(request, reply);
  });
  if (root !== null) fastify.get('/', { schema: { hide: true } }, (request, reply) => sendIndex(request, reply, config));
}

function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (serverPaths.test(request.url)) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

function sendIndex(request: FastifyRequest, reply: FastifyReply, config: Config): FastifyReply {
  ensureCsrfToken(request, reply, config);
  return reply.header('cache-control', 'no-cache').sendFile('index.html');
}
