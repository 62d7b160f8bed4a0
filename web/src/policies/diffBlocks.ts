import type { DiffLine } from '../api/documents';

export type DiffBlock = { kind: 'shown' | 'folded'; lines: DiffLine[] };

/** Lines of unchanged context kept around every change; longer unchanged stretches fold. */
export const CONTEXT_LINES = 2;

/** Splits a diff into what is shown and the unchanged stretches that fold away (more than 2 × context + 1 lines). */
export function diffBlocks(lines: readonly DiffLine[], context = CONTEXT_LINES): DiffBlock[] {
  const keep = lines.map(() => false);
  lines.forEach((line, index) => {
    if (line.kind === 'same') return;
    for (let i = Math.max(0, index - context); i <= Math.min(lines.length - 1, index + context); i += 1) keep[i] = true;
  });
  const blocks: DiffBlock[] = [];
  for (const [index, line] of lines.entries()) {
    const kind = keep[index] ? 'shown' : 'folded';
    const last = blocks[blocks.length - 1];
    if (last && last.kind === kind) last.lines.push(line);
    else blocks.push({ kind, lines: [line] });
  }
  // Folding a single line saves nothing: it is shown with its neighbours.
  const merged: DiffBlock[] = [];
  for (const block of blocks) {
    const kind = block.kind === 'folded' && block.lines.length < 2 ? 'shown' : block.kind;
    const last = merged[merged.length - 1];
    if (last && last.kind === kind) last.lines.push(...block.lines);
    else merged.push({ kind, lines: [...block.lines] });
  }
  return merged;
}
