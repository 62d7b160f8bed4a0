import type { IncomingMessage, ServerResponse } from 'node:http';

/** Enough for any request the API takes; a larger body is refused unread. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The body as text, or undefined when it is larger than the limit. */
export async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  response.end(text);
}

/**
 * The pay page allows nothing but its own inline style and its own forms; a form's redirect to the
 * merchant counts as a form target in browsers, so the merchant's origin is allowed as well.
 */
export function sendHtml(response: ServerResponse, status: number, html: string, formTargetOrigin?: string): void {
  const formAction = ["'self'", formTargetOrigin].filter(Boolean).join(' ');
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`,
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  });
  response.end(html);
}

/** 303: after a form POST the browser follows with a GET. */
export function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { location, 'cache-control': 'no-store', 'content-length': 0 });
  response.end();
}
