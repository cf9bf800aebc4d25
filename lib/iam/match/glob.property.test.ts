/**
 * The linear-time matchers agree with a plain recursive reference on short random patterns and
 * values over a small alphabet, in every mode: plain (actions, StringLike), lower-cased
 * (actions), ARN segments (Resource: a `*` followed by more of its segment cannot cross a `:`,
 * "IAM JSON policy elements: Resource"), ArnLike's part by part comparison and the linter's
 * pattern-against-pattern questions ("IAM JSON policy elements: Condition operators").
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCondition } from "../conditions/compile";
import { coverMatcher, intersects } from "../lint/glob";
import { replaceBraced, type Segment } from "../variables";
import { compileGlob, compileTokens, tokenize } from "./glob";

interface Atom {
  char: string;
  /** A `*` or `?` written as a wildcard (not a substituted or escaped literal). */
  wildcard: boolean;
}

function atomsOf(segments: readonly Segment[], lowerCase: boolean): Atom[] {
  return segments.flatMap(({ text, literal }) =>
    [...(lowerCase ? text.toLowerCase() : text)].map((char) => ({ char, wildcard: !literal && (char === "*" || char === "?") })),
  );
}

/**
 * The definition, read straight: try every way a `*` can end (memoised so it stays quick).
 * `separator`: the character a `?` may not take, nor a `*` that `confineStars` confines.
 */
function matchesReference(atoms: readonly Atom[], value: string, separator: string | null, confineStars: boolean): boolean {
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = i * (value.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    const atom = atoms[i];
    if (atom === undefined) {
      result = j === value.length;
    } else if (atom.wildcard && atom.char === "*") {
      // Confined unless the first character after the run of stars is a ":" or the end.
      let k = i;
      while (atoms[k]?.wildcard && atoms[k].char === "*") k++;
      const confined = confineStars && k < atoms.length && atoms[k].char !== ":";
      result = go(i + 1, j) || (j < value.length && !(confined && value[j] === separator) && go(i, j + 1));
    } else if (atom.wildcard) {
      result = j < value.length && value[j] !== separator && go(i + 1, j + 1);
    } else {
      result = j < value.length && value[j] === atom.char && go(i + 1, j + 1);
    }
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

/** Resource ARNs confine both wildcards to a segment; elsewhere nothing is confined. */
const reference = (atoms: readonly Atom[], value: string, arnSegments: boolean) =>
  matchesReference(atoms, value, arnSegments ? ":" : null, arnSegments);

const text = (alphabet: string[], maxLength: number) =>
  fc.array(fc.constantFrom(...alphabet), { maxLength }).map((chars) => chars.join(""));
const PATTERN = ["*", "?", ":", "a", "b", "/", "A"];
const VALUE = ["a", "b", ":", "/", "A", "*", "?"];
// A pattern as the resolver hands it over: pattern text, and literal text from variables or escapes.
const segments = fc.array(fc.record({ text: text(PATTERN, 5), literal: fc.boolean() }), { minLength: 1, maxLength: 4 });

describe("glob matcher against the reference", () => {
  it.each([
    ["plain", false, false],
    ["lower-cased", true, false],
    ["ARN segments", false, true],
    ["ARN segments, lower-cased", true, true],
  ])("%s", (_mode, lowerCase, arnSegments) => {
    fc.assert(
      fc.property(segments, text(VALUE, 12), (pattern, value) => {
        const matcher = compileTokens(tokenize(pattern, { lowerCase, arnSegments }));
        expect(matcher(value)).toBe(reference(atomsOf(pattern, lowerCase), value, arnSegments));
      }),
      { numRuns: 1500 },
    );
  });

  it("values built from the pattern's own letters, so that matches are frequent", () => {
    fc.assert(
      fc.property(text(PATTERN, 10), fc.boolean(), (pattern, arnSegments) => {
        const atoms = atomsOf([{ text: pattern, literal: false }], false);
        const matcher = compileGlob(pattern, { arnSegments });
        // Each wildcard replaced by 0-2 characters: a value close to one the pattern matches.
        const value = [...pattern].map((char, i) => (char === "*" ? "ab:".slice(0, i % 3) : char === "?" ? ":ab"[i % 3] : char)).join("");
        expect(matcher(value)).toBe(reference(atoms, value, arnSegments));
      }),
      { numRuns: 1000 },
    );
  });

  it("patterns longer than one 32-bit word of positions", () => {
    fc.assert(
      fc.property(text(["*", "?", "a", ":"], 80), text(["a", ":", "b"], 60), fc.boolean(), (pattern, value, arnSegments) => {
        const atoms = atomsOf([{ text: pattern, literal: false }], false);
        expect(compileGlob(pattern, { arnSegments })(value)).toBe(reference(atoms, value, arnSegments));
      }),
      { numRuns: 300 },
    );
  });
});

/** ArnLike compares the six colon-separated parts one by one; the sixth keeps its colons. */
function referenceArnLike(pattern: string, value: string): boolean {
  const plain = (p: string, v: string) => reference(atomsOf([{ text: p, literal: false }], false), v, false);
  if (!pattern.includes(":")) return plain(pattern, value);
  const split = (arn: string) => {
    const parts = arn.split(":");
    return parts.length < 6 ? null : [...parts.slice(0, 5), parts.slice(5).join(":")];
  };
  const patternParts = split(pattern);
  const valueParts = split(value);
  return patternParts !== null && valueParts !== null && patternParts.every((part, i) => plain(part, valueParts[i]));
}

describe("StringLike and ArnLike against the reference", () => {
  const test = (operator: string, pattern: string, value: string) =>
    compileCondition({ [operator]: { "aws:SourceArn": pattern } }, false, "Condition", [])?.test(new Map([["aws:sourcearn", value]]));
  const arnish = (alphabet: string[]) =>
    fc.array(text(alphabet, 3), { minLength: 1, maxLength: 7 }).map((parts) => parts.join(":"));

  it("StringLike", () => {
    fc.assert(
      fc.property(text(PATTERN, 8), text(VALUE, 10), (pattern, value) => {
        expect(test("StringLike", pattern, value)).toBe(reference(atomsOf([{ text: pattern, literal: false }], false), value, false));
      }),
      { numRuns: 1000 },
    );
  });

  it("ArnLike", () => {
    fc.assert(
      fc.property(arnish(["*", "?", "a", "b"]), arnish(["a", "b"]), (pattern, value) => {
        expect(test("ArnLike", pattern, value)).toBe(referenceArnLike(pattern, value));
      }),
      { numRuns: 1500 },
    );
  });
});

describe("the linter's pattern questions against brute force", () => {
  const pattern = text(["*", "?", "a", ":"], 4);

  it("coverMatcher: `*` takes anything, `?` anything but a `*`, letters themselves", () => {
    const alphabet = ["*", "?", "a", "A", ":"];
    fc.assert(
      fc.property(text(alphabet, 6), text(alphabet, 6), (general, specific) => {
        const expected = matchesReference(atomsOf([{ text: general, literal: false }], true), specific.toLowerCase(), "*", false);
        expect(coverMatcher(general, true)(specific)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it("intersects: true exactly when some string matches both", () => {
    // A shortest common string is no longer than both patterns together.
    const universe = [""];
    for (let n = 1, level = [""]; n <= 8; n++) {
      level = level.flatMap((prefix) => ["a", ":", "x"].map((char) => prefix + char));
      universe.push(...level);
    }
    fc.assert(
      fc.property(pattern, pattern, (a, b) => {
        const matchA = compileGlob(a);
        const matchB = compileGlob(b);
        expect(intersects(a, b)).toBe(universe.some((value) => matchA(value) && matchB(value)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("replaceBraced", () => {
  it("replaces each `${` up to its first `}` exactly as the regex it stands in for", () => {
    fc.assert(
      fc.property(text(["$", "{", "}", "a", "*"], 14), (value) => {
        const mark = (body: string) => `<${body}>`;
        expect(replaceBraced(value, mark)).toBe(value.replace(/\$\{([^}]*)\}/g, (_, body: string) => mark(body)));
      }),
      { numRuns: 2000 },
    );
  });
});
