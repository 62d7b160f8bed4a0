import { describe, expect, it } from 'vitest';
import { desubroutinizeCharstring, type ByteRange } from './desubroutinize-charstring.ts';

// Type 2 operators and operand encodings (Adobe TN #5177), as the charstrings below use them.
const op = { hstem: 1, hstemhm: 18, hintmask: 19, rmoveto: 21, rlineto: 5, callsubr: 10, callgsubr: 29, return: 11, endchar: 14 } as const;
/** A small integer operand (-107…107) in its one-byte form. */
const n = (value: number) => value + 139;
/** A 16-bit operand (operator 28): how subroutine numbers outside -107…107 are written. */
const shortint = (value: number) => [28, (value >> 8) & 0xff, value & 0xff];

/** One buffer holding the charstring and every subroutine, with their ranges, as fontkit reads a CFF table. */
function font(charstring: number[], local: number[][] = [], global: number[][] = []) {
  const programs = [charstring, ...local, ...global];
  const ranges: ByteRange[] = [];
  let offset = 0;
  for (const program of programs) {
    ranges.push({ offset, length: program.length });
    offset += program.length;
  }
  return {
    bytes: Uint8Array.from(programs.flat()),
    charstring: ranges[0]!,
    local: ranges.slice(1, 1 + local.length),
    global: ranges.slice(1 + local.length),
  };
}

function desubroutinized(made: ReturnType<typeof font>): number[] | undefined {
  const out = desubroutinizeCharstring(made.bytes, made.charstring, made.global, made.local);
  return out && [...out];
}

describe('desubroutinizing a Type 2 charstring', () => {
  it('inlines local and global subroutines, bias 107, without their return; operands pushed before a call go with the operator inside it', () => {
    const made = font(
      [n(0), n(0), op.rmoveto, n(1), n(2), n(-107), op.callsubr, n(-106), op.callgsubr, op.endchar],
      [[n(3), n(4), op.rlineto, op.return]],
      [[n(-1), n(-2), op.return], [n(5), n(6), op.rlineto, op.return]],
    );
    expect(desubroutinized(made)).toEqual([n(0), n(0), op.rmoveto, n(1), n(2), n(3), n(4), op.rlineto, n(5), n(6), op.rlineto, op.endchar]);
  });

  it('a subroutine may call another, and a global one calls the local subroutines of the glyph it draws', () => {
    const made = font(
      [n(0), n(0), op.rmoveto, n(-107), op.callgsubr, op.endchar],
      [[n(7), n(8), op.rlineto, op.return]],
      [[n(-107), op.callsubr, n(9), n(9), op.rlineto, op.return]],
    );
    expect(desubroutinized(made)).toEqual([n(0), n(0), op.rmoveto, n(7), n(8), op.rlineto, n(9), n(9), op.rlineto, op.endchar]);
  });

  it('an endchar inside a subroutine ends the glyph: nothing after the call is kept', () => {
    const made = font([n(0), n(0), op.rmoveto, n(-107), op.callsubr, n(99), n(99), op.rlineto, op.endchar], [[n(5), n(5), op.rlineto, op.endchar]]);
    expect(desubroutinized(made)).toEqual([n(0), n(0), op.rmoveto, n(5), n(5), op.rlineto, op.endchar]);
  });

  it('the bias follows the size of each INDEX: 1131 from 1,240 subroutines, 32768 from 33,900', () => {
    const filler: number[] = [op.return];
    const local = Array.from({ length: 1240 }, () => filler);
    local[1131] = [n(1), n(1), op.rlineto, op.return];
    const global = Array.from({ length: 33_900 }, () => filler);
    global[32_768 - 200] = [n(2), n(2), op.rlineto, op.return];
    const made = font([n(0), n(0), op.rmoveto, n(0), op.callsubr, ...shortint(-200), op.callgsubr, op.endchar], local, global);
    expect(desubroutinized(made)).toEqual([n(0), n(0), op.rmoveto, n(1), n(1), op.rlineto, n(2), n(2), op.rlineto, op.endchar]);
  });

  it('copies a hintmask with as many mask bytes as stems were declared, counting the vstems it takes from the stack and stems declared in subroutines', () => {
    // A width and five horizontal stems (hstemhm), then four vertical stems left on the stack
    // before the hintmask, in a subroutine: nine stems, so two mask bytes. The mask bytes are
    // 11 and 14 — `return` and `endchar` — so a miscount would end the glyph or the subroutine.
    const hstems = [n(100), n(10), n(20), n(40), n(20), n(70), n(20), n(90), n(5), n(100), n(5)];
    const vstems = [n(10), n(20), n(40), n(20), n(70), n(20), n(100), n(20)];
    const made = font([...hstems, op.hstemhm, n(-107), op.callsubr, n(0), n(0), op.rmoveto, n(3), n(3), op.rlineto, op.endchar], [[...vstems, op.hintmask, 11, 14, op.return]]);
    expect(desubroutinized(made)).toEqual([...hstems, op.hstemhm, ...vstems, op.hintmask, 11, 14, n(0), n(0), op.rmoveto, n(3), n(3), op.rlineto, op.endchar]);
  });

  it('one stem (an odd operand count carries the width) needs one mask byte', () => {
    const made = font([n(100), n(10), n(20), op.hstem, op.hintmask, 0x80, n(0), n(0), op.rmoveto, op.endchar]);
    expect(desubroutinized(made)).toEqual([n(100), n(10), n(20), op.hstem, op.hintmask, 0x80, n(0), n(0), op.rmoveto, op.endchar]);
  });

  it('returns nothing for what it does not inline: arithmetic, a missing or self-calling subroutine, no endchar', () => {
    const add = [12, 10];
    expect(desubroutinized(font([n(1), n(2), ...add, n(0), op.rmoveto, op.endchar]))).toBeUndefined();
    expect(desubroutinized(font([n(0), n(0), op.rmoveto, n(-106), op.callsubr, op.endchar], [[op.return]]))).toBeUndefined();
    expect(desubroutinized(font([n(-107), op.callsubr, op.endchar], [[n(-107), op.callsubr, op.return]]))).toBeUndefined();
    expect(desubroutinized(font([n(0), n(0), op.rmoveto]))).toBeUndefined();
  });
});
