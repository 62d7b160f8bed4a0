/**
 * A Type 2 charstring with every subroutine call replaced by the subroutine's own code (Adobe
 * TN #5177), so a font subset can be written without any subroutines (cff-subset.ts says why).
 *
 * Works on bytes: operands and operators are copied as they are, a `callsubr`/`callgsubr` and
 * the subroutine number before it are dropped and the subroutine's bytes go in their place, minus
 * its `return`; the glyph ends at its `endchar`, wherever that is. The operands of an operator
 * may be pushed partly before a call and partly inside the subroutine, so operands wait on a stack
 * and are written just before the operator that takes them. The number of bytes of a
 * hintmask/cntrmask's mask depends on the stems declared so far, so stems are counted, including
 * the vertical stems a hintmask takes from operands left on the stack.
 */

/** Where a charstring or a subroutine is in the font's bytes: fontkit's INDEX entries have this shape. */
export interface ByteRange {
  readonly offset: number;
  readonly length: number;
}

/** Nesting allowed by the Type 2 spec is 10; this only stops a font whose subroutines call themselves. */
const MAX_DEPTH = 64;
/** The Type 2 spec's limit of the argument stack. */
const MAX_OPERANDS = 48;

const OP = {
  hstem: 1,
  vstem: 3,
  callsubr: 10,
  return: 11,
  escape: 12,
  endchar: 14,
  hstemhm: 18,
  hintmask: 19,
  cntrmask: 20,
  vstemhm: 23,
  shortint: 28,
  callgsubr: 29,
} as const;

/** The path operators that only consume their operands (rmoveto, rlineto, curves …). */
const PATH_OPERATORS = new Set([4, 5, 6, 7, 8, 21, 22, 24, 25, 26, 27, 30, 31]);
/** After `escape`: dotsection (ignored by rasterisers) and the four flex operators; the rest are arithmetic. */
const ESCAPED_PATH_OPERATORS = new Set([0, 34, 35, 36, 37]);

/** The number subroutine operands are offset by, set by the size of the INDEX (Type 2 spec, 4.7). */
export function subroutineBias(count: number): number {
  if (count < 1240) return 107;
  if (count < 33900) return 1131;
  return 32768;
}

/** How a program ended: at the glyph's `endchar`, at its own `return`, or at something not inlined here. */
type Outcome = 'endchar' | 'return' | 'unsupported';

/**
 * The charstring at `charstring` in `bytes`, its subroutines (ranges in the same bytes) inlined;
 * undefined for one this does not inline — bad data, or the arithmetic operators, which no CFF
 * font in use has — and the caller keeps the font's subroutines then.
 */
export function desubroutinizeCharstring(
  bytes: Uint8Array,
  charstring: ByteRange,
  globalSubrs: readonly ByteRange[],
  localSubrs: readonly ByteRange[],
): Uint8Array | undefined {
  const out = new ByteWriter(bytes, charstring.length * 4);
  // Operands waiting for their operator: where each one's bytes are, and its value.
  const starts = new Uint32Array(MAX_OPERANDS);
  const ends = new Uint32Array(MAX_OPERANDS);
  const values = new Float64Array(MAX_OPERANDS);
  let operands = 0;
  const globalBias = subroutineBias(globalSubrs.length);
  const localBias = subroutineBias(localSubrs.length);
  let stems = 0;

  const writeOperands = () => {
    for (let i = 0; i < operands; i += 1) out.copy(starts[i]!, ends[i]!);
    operands = 0;
  };

  /** Runs one program; an `endchar` ends the glyph however deep it is. */
  const run = (start: number, end: number, depth: number): Outcome => {
    if (depth > MAX_DEPTH || end > bytes.length) return 'unsupported';
    let pos = start;
    while (pos < end) {
      const at = pos;
      const b0 = bytes[pos++]!;
      if (b0 >= 32 || b0 === OP.shortint) {
        pos = at + (b0 === OP.shortint ? 3 : b0 <= 246 ? 1 : b0 <= 254 ? 2 : 5);
        if (pos > end || operands === MAX_OPERANDS) return 'unsupported';
        starts[operands] = at;
        ends[operands] = pos;
        values[operands++] = numberAt(bytes, at);
        continue;
      }
      switch (b0) {
        case OP.callsubr:
        case OP.callgsubr: {
          if (operands === 0) return 'unsupported';
          const number = values[--operands]!;
          const subr = b0 === OP.callsubr ? localSubrs[number + localBias] : globalSubrs[number + globalBias];
          if (!subr) return 'unsupported';
          const outcome = run(subr.offset, subr.offset + subr.length, depth + 1);
          if (outcome !== 'return') return outcome;
          break;
        }
        case OP.return:
          return depth === 0 ? 'unsupported' : 'return';
        case OP.endchar:
          writeOperands();
          out.byte(OP.endchar);
          return 'endchar';
        case OP.hstem:
        case OP.vstem:
        case OP.hstemhm:
        case OP.vstemhm:
        case OP.hintmask:
        case OP.cntrmask: {
          // Two operands a stem (an odd one first is the glyph's width); operands left before a
          // hintmask or cntrmask are vertical stems it declares.
          stems += operands >> 1;
          writeOperands();
          out.byte(b0);
          if (b0 !== OP.hintmask && b0 !== OP.cntrmask) break;
          const maskEnd = pos + ((stems + 7) >> 3);
          if (maskEnd > end) return 'unsupported';
          out.copy(pos, maskEnd);
          pos = maskEnd;
          break;
        }
        case OP.escape: {
          const b1 = bytes[pos++];
          // The arithmetic and storage operators compute operands, which a byte copy cannot
          // follow into a subroutine number or a stem count.
          if (pos > end || b1 === undefined || !ESCAPED_PATH_OPERATORS.has(b1)) return 'unsupported';
          writeOperands();
          out.byte(OP.escape);
          out.byte(b1);
          break;
        }
        default:
          // vsindex and blend are CFF2's; the rest of 0–31 is reserved.
          if (!PATH_OPERATORS.has(b0)) return 'unsupported';
          writeOperands();
          out.byte(b0);
      }
    }
    // A charstring must end with endchar; a subroutine may end without return.
    return depth === 0 ? 'unsupported' : 'return';
  };

  return run(charstring.offset, charstring.offset + charstring.length, 0) === 'endchar' ? out.bytes() : undefined;
}

function numberAt(bytes: Uint8Array, at: number): number {
  const b0 = bytes[at]!;
  if (b0 === OP.shortint) return ((bytes[at + 1]! << 24) | (bytes[at + 2]! << 16)) >> 16;
  if (b0 <= 246) return b0 - 139;
  if (b0 <= 250) return (b0 - 247) * 256 + bytes[at + 1]! + 108;
  if (b0 <= 254) return -(b0 - 251) * 256 - bytes[at + 1]! - 108;
  // 255: a 16.16 fixed-point number.
  return ((bytes[at + 1]! << 24) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 8) | bytes[at + 4]!) / 65536;
}

/** The output, grown as needed; copies from the font's bytes a byte at a time (operands are 1–5 bytes, masks 1–12). */
class ByteWriter {
  private buffer: Uint8Array;
  private length = 0;

  constructor(
    private readonly source: Uint8Array,
    capacity: number,
  ) {
    this.buffer = new Uint8Array(Math.max(capacity, 64));
  }

  byte(value: number): void {
    if (this.length === this.buffer.length) this.grow();
    this.buffer[this.length++] = value;
  }

  copy(start: number, end: number): void {
    for (let i = start; i < end; i += 1) this.byte(this.source[i]!);
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private grow(): void {
    const grown = new Uint8Array(this.buffer.length * 2);
    grown.set(this.buffer);
    this.buffer = grown;
  }
}
