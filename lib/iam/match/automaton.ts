/**
 * A wildcard pattern run as a nondeterministic automaton over its characters: the set of
 * pattern positions the value read so far can have reached is a bitset, advanced one value
 * character at a time with shifts and masks (bit-parallel Shift-And, as in agrep). A match costs
 * O(pattern / 32 × value) word operations whatever the stars, and builds no regular expression.
 */

/** A UTF-16 code unit to match literally (>= 0), or one of the wildcards below. */
export type Step = number;
/** `*`: any run of characters. */
export const STAR = -1;
/** `*` that cannot take the separator (an ARN's `:`). */
export const STAR_IN_SEGMENT = -2;
/** `?`: any one character. */
export const ANY_CHAR = -3;
/** `?` that cannot take the separator. */
export const CHAR_IN_SEGMENT = -4;

/** Whether `value[start, end)` is matched by the whole pattern. */
export type RangeMatcher = (value: string, start: number, end: number) => boolean;

/** Bit p of word p >> 5 stands for pattern position p; position steps.length accepts. */
interface Masks {
  words: number;
  /** Per literal character, the positions that take it. */
  literal: Map<number, Uint32Array>;
  anyChar: Uint32Array;
  charInSegment: Uint32Array;
  stars: Uint32Array;
  /** The stars that may take the separator too. */
  starsAtSeparator: Uint32Array;
  /** Longest run of consecutive stars: how many passes the closure needs. */
  starRun: number;
}

function masksOf(steps: readonly Step[]): Masks {
  const words = (steps.length >>> 5) + 1;
  const mask = () => new Uint32Array(words);
  const masks: Masks = { words, literal: new Map(), anyChar: mask(), charInSegment: mask(), stars: mask(), starsAtSeparator: mask(), starRun: 0 };
  let run = 0;
  steps.forEach((step, position) => {
    const set = (bits: Uint32Array) => {
      bits[position >>> 5] |= 1 << (position & 31);
    };
    const star = step === STAR || step === STAR_IN_SEGMENT;
    run = star ? run + 1 : 0;
    masks.starRun = Math.max(masks.starRun, run);
    if (star) set(masks.stars);
    if (step === STAR) set(masks.starsAtSeparator);
    if (step === ANY_CHAR) set(masks.anyChar);
    if (step === CHAR_IN_SEGMENT) set(masks.charInSegment);
    if (step >= 0) {
      const bits = masks.literal.get(step) ?? mask();
      set(bits);
      masks.literal.set(step, bits);
    }
  });
  return masks;
}

export function compileAutomaton(steps: readonly Step[], separator: number): RangeMatcher {
  return steps.length < 32 ? oneWord(steps, separator) : manyWords(masksOf(steps), steps.length, separator);
}

const ASCII = 128;

/** Patterns of up to 31 steps, the usual case: the whole set in one 32-bit number. */
function oneWord(steps: readonly Step[], separator: number): RangeMatcher {
  const accept = steps.length;
  const ascii = new Int32Array(ASCII);
  let other: Map<number, number> | null = null;
  let anyChar = 0;
  let charInSegment = 0;
  let stars = 0;
  let starsAtSeparator = 0;
  let starRun = 0;
  for (let position = 0, run = 0; position < steps.length; position++) {
    const step = steps[position];
    const bit = 1 << position;
    run = step === STAR || step === STAR_IN_SEGMENT ? run + 1 : 0;
    starRun = Math.max(starRun, run);
    if (step === STAR) starsAtSeparator |= bit;
    if (step === STAR || step === STAR_IN_SEGMENT) stars |= bit;
    else if (step === ANY_CHAR) anyChar |= bit;
    else if (step === CHAR_IN_SEGMENT) charInSegment |= bit;
    else if (step < ASCII) ascii[step] |= bit;
    else (other ??= new Map()).set(step, (other.get(step) ?? 0) | bit);
  }
  // A star may match nothing: each live star position makes the next position live too.
  const close = (bits: number) => {
    for (let pass = 0; pass < starRun; pass++) bits |= (bits & stars) << 1;
    return bits;
  };
  return (value, start, end) => {
    let live = close(1);
    for (let v = start; v < end; v++) {
      const char = value.charCodeAt(v);
      const literal = char < ASCII ? ascii[char] : (other?.get(char) ?? 0);
      const atSeparator = char === separator;
      const takes = literal | anyChar | (atSeparator ? 0 : charInSegment);
      live = ((live & takes) << 1) | (live & (atSeparator ? starsAtSeparator : stars));
      if (live === 0) return false;
      live = close(live);
    }
    return ((live >>> accept) & 1) === 1;
  };
}

/** Longer patterns: the same steps over an array of words, the carry moving between them. */
function manyWords(masks: Masks, accept: number, separator: number): RangeMatcher {
  const { words, literal, anyChar, charInSegment, stars, starsAtSeparator, starRun } = masks;
  const none = new Uint32Array(words);
  // Reused across calls: the engine is synchronous, so no two calls overlap.
  let live = new Uint32Array(words);
  let next = new Uint32Array(words);
  const close = (bits: Uint32Array) => {
    for (let pass = 0; pass < starRun; pass++) {
      let carry = 0;
      for (let w = 0; w < words; w++) {
        const skipping = bits[w] & stars[w];
        bits[w] |= (skipping << 1) | carry;
        carry = skipping >>> 31;
      }
    }
  };
  return (value, start, end) => {
    live.fill(0);
    live[0] = 1;
    close(live);
    for (let v = start; v < end; v++) {
      const char = value.charCodeAt(v);
      const takesLiteral = literal.get(char) ?? none;
      const atSeparator = char === separator;
      const stay = atSeparator ? starsAtSeparator : stars;
      let carry = 0;
      let alive = 0;
      for (let w = 0; w < words; w++) {
        const takes = takesLiteral[w] | anyChar[w] | (atSeparator ? 0 : charInSegment[w]);
        const moved = live[w] & takes;
        const bits = (moved << 1) | carry | (live[w] & stay[w]);
        carry = moved >>> 31;
        next[w] = bits;
        alive |= bits;
      }
      if (alive === 0) return false;
      close(next);
      const swap = live;
      live = next;
      next = swap;
    }
    return ((live[accept >>> 5] >>> (accept & 31)) & 1) === 1;
  };
}
