import { availableParallelism } from 'node:os';

/**
 * How many e-policies render at once in this process: one per core. A render is CPU work (~40–70
 * ms) holding a few MB of document, font subsets and deflate buffers until its last chunk; twenty
 * started together finish no sooner than taken two at a time, but hold twenty times the memory
 * (issue 7: 450–500 MB RSS under 20 concurrent first opens). The rest wait their turn, in order.
 */
const SLOTS = availableParallelism();

let running = 0;
const waiting: Array<() => void> = [];

export async function inRenderSlot<T>(render: () => Promise<T>): Promise<T> {
  if (running >= SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await render();
  } finally {
    // The slot passes straight to the next in line, so `running` counts it without a gap.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}
