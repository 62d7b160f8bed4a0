import { describe, expect, it } from 'vitest';
import { diffText, hasChanges } from './text-diff.ts';

describe('text diff of document versions', () => {
  it('R-UPD-1 unchanged text has no changes', () => {
    const lines = diffText('# 标题\n\n第一段。', '# 标题\n\n第一段。');
    expect(hasChanges(lines)).toBe(false);
    expect(lines.map((line) => line.kind)).toEqual(['same', 'same', 'same']);
  });

  it('R-UPD-1 added and removed lines keep their line numbers', () => {
    const lines = diffText('a\nb\nc', 'a\nc\nd');
    expect(lines).toEqual([
      { kind: 'same', text: 'a', oldLine: 1, newLine: 1 },
      { kind: 'removed', text: 'b', oldLine: 2 },
      { kind: 'same', text: 'c', oldLine: 3, newLine: 2 },
      { kind: 'added', text: 'd', newLine: 3 },
    ]);
  });

  it('R-UPD-1 a changed Chinese sentence is compared character by character', () => {
    const [line] = diffText('我们保存您的信息三年。', '我们保存您的信息五年。');
    expect(line).toEqual({
      kind: 'changed',
      oldLine: 1,
      newLine: 1,
      parts: [
        { kind: 'same', text: '我们保存您的信息' },
        { kind: 'removed', text: '三' },
        { kind: 'added', text: '五' },
        { kind: 'same', text: '年。' },
      ],
    });
  });

  it('R-UPD-1 a changed English sentence is compared word by word', () => {
    const [line] = diffText('We keep your data for three years.', 'We keep your data for five years.');
    expect(line?.kind).toBe('changed');
    expect(line?.kind === 'changed' && line.parts.filter((part) => part.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'three' },
      { kind: 'added', text: 'five' },
    ]);
  });

  it('R-UPD-1 a line rewritten completely shows as removed and added, not as a word soup', () => {
    const lines = diffText('Cookies help us.', 'Entirely different wording here.');
    expect(lines.map((line) => line.kind)).toEqual(['removed', 'added']);
  });

  it('R-UPD-1 Windows line ends compare equal to Unix ones', () => {
    expect(hasChanges(diffText('a\r\nb', 'a\nb'))).toBe(false);
  });
});
