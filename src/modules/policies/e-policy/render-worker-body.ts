import { parentPort } from 'node:worker_threads';
import type { EPolicyModel } from './e-policy-model.ts';
import { renderEPolicyPdf, type RenderEPolicyOptions } from './render-e-policy.ts';

export interface RenderRequest {
  id: number;
  model: EPolicyModel;
  options: RenderEPolicyOptions;
}

export type RenderReply = { id: number; pdf: Uint8Array } | { id: number; failed: string };

// One document at a time: a render is synchronous work, so running two at once would only interleave them.
parentPort?.on('message', (request: RenderRequest) => {
  renderEPolicyPdf(request.model, request.options).then(
    (pdf) => {
      // Handed over, not copied: a PDF of its own ArrayBuffer is transferred to the server's thread.
      const own = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? new Uint8Array(pdf.buffer) : new Uint8Array(pdf);
      parentPort?.postMessage({ id: request.id, pdf: own } satisfies RenderReply, [own.buffer as ArrayBuffer]);
    },
    // The class of the error only: a message about a model could quote what it prints.
    (error: unknown) => parentPort?.postMessage({ id: request.id, failed: error instanceof Error ? error.name : 'unknown' } satisfies RenderReply),
  );
});
