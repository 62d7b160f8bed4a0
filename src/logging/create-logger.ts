import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import { isPiKey } from '../privacy/redaction/pi-patterns.ts';
import { REDACTED, scrubText, scrubUrl, scrubValue } from '../privacy/redaction/scrub.ts';

export type { Logger };

interface RequestLike {
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
export function createLogger(level: string, destination: DestinationStream = bufferedStdout()): Logger {
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

/**
 * Standard output written in batches: a write system call per line cost ~20 % of the CPU of a simple
 * API request in `npm run bench`. Flushed every second and on exit, so little is lost on a crash.
 */
function bufferedStdout(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: false, minLength: 8192 });
  const timer = setInterval(() => stream.flush(), 1000);
  timer.unref();
  process.once('exit', () => stream.flushSync());
  return stream;
}

/** Only what an operator needs to follow a request: never headers, bodies or query values. */
function serializeRequest(request: RequestLike): Record<string, unknown> {
  // The id is already on every line as requestId (a binding of the request's child logger).
  return {
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
