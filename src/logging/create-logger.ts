import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import { isPiKey } from '../privacy/redaction/pi-patterns.ts';
import { REDACTED, scrubText, scrubUrl, scrubValue } from '../privacy/redaction/scrub.ts';

export type { Logger };

interface RequestLike {
  id?: unknown;
  method?: string;
  url?: string;
  routeOptions?: { url?: string };
  ip?: string;
}

/**
 * The one logger of the process: JSON lines, with personal information removed before a line is
 * written. Scrubbing happens in three places because pino applies them separately: the merged object
 * (formatters.log), the serializers of req/res/err, and the message strings (hooks.logMethod).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'besttrav' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: scrubLogObject,
      },
      serializers: { req: serializeRequest, res: serializeReply, err: serializeError, error: serializeError },
      hooks: {
        logMethod(args, method) {
          const cleaned = args.map((arg: unknown) => (typeof arg === 'string' ? scrubText(arg) : arg));
          method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

// pino runs formatters.log before the serializers: these keys are left for their serializer.
const serializedKeys = new Set(['req', 'res', 'err', 'error']);

function scrubLogObject(object: Record<string, unknown>): Record<string, unknown> {
  const scrubbed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (serializedKeys.has(key)) scrubbed[key] = value;
    else scrubbed[key] = isPiKey(key) && value !== null && value !== undefined ? REDACTED : scrubValue(value);
  }
  return scrubbed;
}

/** Only what an operator needs to follow a request: never headers, bodies or query values. */
function serializeRequest(request: RequestLike): Record<string, unknown> {
  return {
    id: request.id,
    method: request.method,
    url: request.url === undefined ? undefined : scrubUrl(request.url),
    route: request.routeOptions?.url,
    ip: request.ip,
  };
}

function serializeReply(reply: { statusCode?: number }): Record<string, unknown> {
  return { statusCode: reply.statusCode };
}

function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return scrubValue(error);
  return scrubValue(stdSerializers.err(error));
}
