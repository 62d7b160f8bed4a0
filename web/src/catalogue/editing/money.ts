/**
 * Amounts are integer fen on the server and yuan (two decimals at most) in the console's inputs.
 * Converting through a decimal string, not `yuan * 100`, keeps 0.29 元 from becoming 28.999… fen.
 */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** Yuan as typed (a number or text) to integer fen; null when it is not an amount of at most two decimals. */
export function yuanToFen(yuan: number | string | null | undefined): number | null {
  if (yuan === null || yuan === undefined) return null;
  const text = typeof yuan === 'number' ? yuan.toFixed(Math.min(countDecimals(yuan), 20)) : yuan.trim();
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const [, sign, whole = '0', decimals = ''] = match;
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  return sign === '-' ? -fen : fen;
}

function countDecimals(value: number): number {
  const text = String(value);
  if (text.includes('e')) return 20;
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}
