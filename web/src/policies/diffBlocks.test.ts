import { describe, expect, it } from 'vitest';
import type { DiffLine } from '../api/documents';
import { diffBlocks } from './diffBlocks';

const same = (n: number): DiffLine => ({ kind: 'same', text: `line ${n}`, oldLine: n, newLine: n });

describe('diff folding', () => {
  it('R-UPD-1 unchanged stretches fold, keeping two lines of context around a change', () => {
    const lines: DiffLine[] = [...Array.from({ length: 10 }, (_, i) => same(i + 1)), { kind: 'added', text: 'new', newLine: 11 }, ...Array.from({ length: 3 }, (_, i) => same(i + 11))];
    const blocks = diffBlocks(lines);
    expect(blocks.map((block) => [block.kind, block.lines.length])).toEqual([
      ['folded', 8],
      ['shown', 6],
    ]);
  });
});
