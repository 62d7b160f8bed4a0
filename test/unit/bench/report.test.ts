import { describe, expect, it } from 'vitest';
import { markdownTable } from '../../../bench/report.ts';

describe('bench report', () => {
  it('aligns columns by characters (Chinese included) and shows missing figures as a dash', () => {
    expect(markdownTable(['scenario', 'req/s'], [['quote', 12_345], ['我的保险', null]])).toBe(
      ['| scenario | req/s  |', '|----------|--------|', '| quote    | 12,345 |', '| 我的保险     | –      |'].join('\n'),
    );
  });
});
