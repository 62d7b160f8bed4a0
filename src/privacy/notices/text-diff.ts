/**
 * Line and word differences between two versions of a text, for the diff views of the console and
 * the site (R-UPD-1). Lines are compared first; a removed line and an added line at the same place
 * that still share most of their words are shown as one changed line with the changed words marked.
 * Chinese has no spaces between words, so every CJK character counts as a word of its own.
 */
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

export type DiffLine =
  | { kind: 'same'; text: string; oldLine: number; newLine: number }
  | { kind: 'removed'; text: string; oldLine: number }
  | { kind: 'added'; text: string; newLine: number }
  | { kind: 'changed'; oldLine: number; newLine: number; parts: DiffPart[] };

type Op = { op: 'same'; a: number; b: number } | { op: 'removed'; a: number } | { op: 'added'; b: number };

// Above this many cells the quadratic comparison would cost too much memory: the middle part is then
// shown as replaced whole. Policy texts are a few hundred lines, far below it.
const MAX_CELLS = 4_000_000;
// A changed line must keep at least this share of its characters to be shown word by word.
const MIN_SHARED = 0.4;

const TOKEN = /[\u3400-\u9fff\uf900-\ufaff]|[\p{L}\p{N}_]+|\s+|[^]/gu;

export function diffText(before: string, after: string): DiffLine[] {
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  const ops = sequenceDiff(oldLines, newLines);
  const lines: DiffLine[] = [];
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    lines.push(...pairUp(oldLines, newLines, removed, added));
    removed = [];
    added = [];
  };
  for (const op of ops) {
    if (op.op === 'removed') removed.push(op.a);
    else if (op.op === 'added') added.push(op.b);
    else {
      flush();
      lines.push({ kind: 'same', text: oldLines[op.a] as string, oldLine: op.a + 1, newLine: op.b + 1 });
    }
  }
  flush();
  return lines;
}

/** Whether two texts differ at all, line by line as diffText sees them. */
export function hasChanges(lines: readonly DiffLine[]): boolean {
  return lines.some((line) => line.kind !== 'same');
}

function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

function pairUp(oldLines: string[], newLines: string[], removed: number[], added: number[]): DiffLine[] {
  const result: DiffLine[] = [];
  const unpairedRemoved: DiffLine[] = [];
  const unpairedAdded: DiffLine[] = [];
  for (let i = 0; i < Math.max(removed.length, added.length); i += 1) {
    const a = removed[i];
    const b = added[i];
    if (a !== undefined && b !== undefined) {
      const parts = wordDiff(oldLines[a] as string, newLines[b] as string);
      if (parts) {
        result.push(...unpairedRemoved.splice(0), ...unpairedAdded.splice(0));
        result.push({ kind: 'changed', oldLine: a + 1, newLine: b + 1, parts });
        continue;
      }
    }
    if (a !== undefined) unpairedRemoved.push({ kind: 'removed', text: oldLines[a] as string, oldLine: a + 1 });
    if (b !== undefined) unpairedAdded.push({ kind: 'added', text: newLines[b] as string, newLine: b + 1 });
  }
  return [...result, ...unpairedRemoved, ...unpairedAdded];
}

/** The words of a changed line, or null when too little of the line is left to compare word by word. */
function wordDiff(before: string, after: string): DiffPart[] | null {
  const oldTokens = before.match(TOKEN) ?? [];
  const newTokens = after.match(TOKEN) ?? [];
  const parts: DiffPart[] = [];
  let shared = 0;
  for (const op of sequenceDiff(oldTokens, newTokens)) {
    const kind = op.op;
    const text = op.op === 'added' ? (newTokens[op.b] as string) : (oldTokens[op.a] as string);
    if (kind === 'same' && text.trim() !== '') shared += text.length;
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  }
  const longest = Math.max(before.trim().length, after.trim().length);
  return longest === 0 || shared / longest >= MIN_SHARED ? parts : null;
}

/**
 * The shortest edit between two sequences (longest common subsequence), removals before additions
 * within a change. The common start and end are taken off first, which is most of a revised text.
 */
function sequenceDiff(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const ops: Op[] = [];
  for (let i = 0; i < start; i += 1) ops.push({ op: 'same', a: i, b: i });
  ops.push(...middleDiff(a, b, start, endA, start, endB));
  for (let i = 0; endA + i < a.length; i += 1) ops.push({ op: 'same', a: endA + i, b: endB + i });
  return ops;
}

function middleDiff(a: readonly string[], b: readonly string[], fromA: number, toA: number, fromB: number, toB: number): Op[] {
  const n = toA - fromA;
  const m = toB - fromB;
  const ops: Op[] = [];
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    for (let i = fromA; i < toA; i += 1) ops.push({ op: 'removed', a: i });
    for (let j = fromB; j < toB; j += 1) ops.push({ op: 'added', b: j });
    return ops;
  }
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..] (relative to the middle).
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[fromA + i] === b[fromB + j] ? (lengths[(i + 1) * width + j + 1] as number) + 1 : Math.max(lengths[(i + 1) * width + j] as number, lengths[i * width + j + 1] as number);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[fromA + i] === b[fromB + j]) {
      ops.push({ op: 'same', a: fromA + i, b: fromB + j });
      i += 1;
      j += 1;
    } else if (j >= m || (i < n && (lengths[(i + 1) * width + j] as number) >= (lengths[i * width + j + 1] as number))) {
      ops.push({ op: 'removed', a: fromA + i });
      i += 1;
    } else {
      ops.push({ op: 'added', b: fromB + j });
      j += 1;
    }
  }
  return ops;
}
