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

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();
let idleTimer: NodeJS.Timeout | null = null;

/** The e-policy PDF of a model (renderEPolicyPdf), rendered in the render worker, one at a time in order. */
export function renderInWorker(model: EPolicyModel, options: RenderEPolicyOptions): Promise<Buffer> {
  const id = (nextId += 1);
  const running = worker ?? startWorker();
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    running.postMessage({ id, model, options } satisfies RenderRequest);
  });
}

function startWorker(): Worker {
  const started = new Worker(new URL('./render-worker.mjs', import.meta.url), { resourceLimits: RESOURCE_LIMITS });
  // A server with no render under way must be free to exit.
  started.unref();
  started.on('message', (reply: RenderReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if ('pdf' in reply) waiting?.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
    else waiting?.reject(new AppError('internal', `E-policy render failed in its worker (${reply.failed})`));
    if (pending.size === 0) stopWhenIdle(started);
  });
  // Out of memory, or a crash: what was asked fails, and the next render starts a new worker.
  const fail = (cause: unknown) => {
    if (worker === started) worker = null;
    for (const waiting of pending.values()) waiting.reject(new AppError('internal', 'The e-policy render worker stopped', { cause }));
    pending.clear();
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`render worker exited with ${code}`)));
  worker = started;
  return started;
}

function stopWhenIdle(running: Worker): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (worker !== running || pending.size > 0) return;
    worker = null;
    void running.terminate();
  }, IDLE_MS);
  idleTimer.unref();
}
