import { Worker } from 'node:worker_threads';
import { AppError } from '../../../errors/app-error.ts';
import type { EPolicyModel } from './e-policy-model.ts';
import type { RenderEPolicyOptions } from './render-e-policy.ts';
import type { RenderReply, RenderRequest } from './render-worker-body.ts';

/**
 * The worker's heap, bounded. A render allocates a few MB of short-lived objects (text layout,
 * font subsets, deflate); in the server's own heap, a burst of first opens grew the process by
 * 150–250 MB that V8 kept long after (issue 7: 450–550 MB RSS against a 300 MB target). In a heap
 * of its own the garbage is collected within these bounds, and the worker's whole heap is given
 * back when it stops after a quiet minute. The render (40–70 ms of CPU) no longer stops the
 * server's event loop either.
 */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 };
const IDLE_MS = 60_000;

interface Pending {
  resolve: (pdf: Buffer) => void;
  reject: (error: unknown) => void;
}

/**
 * A worker and the renders asked of it. The renders are the worker's own: a worker stopped for
 * idleness (or crashed) says so with its 'exit' a little later, when the next render may already
 * be under way in its successor — that exit must fail only what was asked of the stopped one.
 */
interface RenderWorker {
  thread: Worker;
  pending: Map<number, Pending>;
}

let current: RenderWorker | null = null;
let nextId = 0;
let idleTimer: NodeJS.Timeout | null = null;

/** The e-policy PDF of a model (renderEPolicyPdf), rendered in the render worker, one at a time in order. */
export function renderInWorker(model: EPolicyModel, options: RenderEPolicyOptions): Promise<Buffer> {
  const id = (nextId += 1);
  const running = current ?? startWorker();
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  return new Promise<Buffer>((resolve, reject) => {
    running.pending.set(id, { resolve, reject });
    running.thread.postMessage({ id, model, options } satisfies RenderRequest);
  });
}

function startWorker(): RenderWorker {
  const started: RenderWorker = { thread: new Worker(new URL('./render-worker.mjs', import.meta.url), { resourceLimits: RESOURCE_LIMITS }), pending: new Map() };
  // A server with no render under way must be free to exit.
  started.thread.unref();
  started.thread.on('message', (reply: RenderReply) => {
    const waiting = started.pending.get(reply.id);
    started.pending.delete(reply.id);
    if ('pdf' in reply) waiting?.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
    else waiting?.reject(new AppError('internal', `E-policy render failed in its worker (${reply.failed})`));
    if (started.pending.size === 0) stopWhenIdle(started);
  });
  // Out of memory, or a crash: what was asked of this worker fails, and the next render starts a new one.
  const fail = (cause: unknown) => {
    if (current === started) current = null;
    for (const waiting of started.pending.values()) waiting.reject(new AppError('internal', 'The e-policy render worker stopped', { cause }));
    started.pending.clear();
  };
  started.thread.on('error', fail);
  started.thread.on('exit', (code) => fail(new Error(`render worker exited with ${code}`)));
  current = started;
  return started;
}

function stopWhenIdle(running: RenderWorker): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (current !== running || running.pending.size > 0) return;
    current = null;
    void running.thread.terminate();
  }, IDLE_MS);
  idleTimer.unref();
}
