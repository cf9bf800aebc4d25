/**
 * Wildcards as policies write them: `*` any run of characters, `?` any one character. Small
 * helpers for the linter's questions, which compare two patterns rather than a pattern and a
 * value; the engine's matcher (lib/iam/match) answers the other question. No regular
 * expression is built from the patterns: every question here is linear or a table of the two.
 */
import { compileGlob, compileTokensConfinedBy, ONE, ONE_IN_SEGMENT, tokenize, type StringMatcher } from "../match/glob";

/** A case-insensitive matcher for action patterns such as "s3:Get*". */
export function actionMatcher(pattern: string): StringMatcher {
  const matcher = compileGlob(pattern, { lowerCase: true });
  return (action) => matcher(action.toLowerCase());
}

const STAR = "*".charCodeAt(0);

/**
 * A test of whether every string a pattern `specific` matches is also matched by `general`. Sound
 * but not complete: `general`'s `*` may absorb anything, its `?` only a non-`*` character, and
 * its literals must meet the same literal. That is `general` matched against `specific`'s text
 * with `*` as the separator a `?` may not take, in the engine's linear-time matcher.
 */
export function coverMatcher(general: string, ignoreCase: boolean): (specific: string) => boolean {
  const tokens = tokenize([{ text: general, literal: false }], { lowerCase: ignoreCase }).map((token) =>
    token === ONE ? ONE_IN_SEGMENT : token,
  );
  const matcher = compileTokensConfinedBy(tokens, STAR);
  return (specific) => matcher(ignoreCase ? specific.toLowerCase() : specific);
}

/**
 * In a catalog ARN, a placeholder that stands for one path segment (${BucketName}, which the
 * catalog itself follows with "/" in "${BucketName}/${ObjectName}"): a star that takes neither
 * "/" nor ":". Never appears in a policy's own text (a control character).
 */
export const SEGMENT_STAR = "\u0001";

const isStar = (c: string) => c === "*" || c === SEGMENT_STAR;

/** Characters that agree: equal, or either is `?` (stars are handled by the caller). */
const agree = (x: string, y: string) => x === y || x === "?" || y === "?";

/**
 * Whether two patterns can match one same string. `a`'s stars before index `confinedUntil`
 * cannot take a literal ":" of `b` (a catalog ARN's ${Region} stays in its field, while a
 * policy's `*` may run on), and its SEGMENT_STARs take neither ":" nor "/". The literal ends
 * are compared first (most pairs differ there); the rest is a table: `a[i:]` and `b[j:]` share
 * a string when a star takes nothing or one more character of the other side, or two
 * characters agree.
 */
export function intersects(a: string, b: string, confinedUntil = 0): boolean {
  let start = 0;
  while (start < a.length && start < b.length && !isStar(a[start]) && b[start] !== "*") {
    if (!agree(a[start], b[start])) return false;
    start++;
  }
  let end = 0;
  while (end < a.length - start && end < b.length - start) {
    const x = a[a.length - 1 - end];
    const y = b[b.length - 1 - end];
    if (isStar(x) || y === "*") break;
    if (!agree(x, y)) return false;
    end++;
  }
  return intersectsTable(a.slice(start, a.length - end), b.slice(start, b.length - end), confinedUntil - start);
}

// Filled from the ends backwards, one row of `a` at a time: O(|a| × |b|) time, O(|b|) memory.
function intersectsTable(a: string, b: string, confinedUntil: number): boolean {
  if (b === "*" || (a === "*" && confinedUntil <= 0)) return true;
  // What a star of `a` at index i may take from `b` (a star or `?` of `b` stands for anything).
  const takes = (i: number, c: string) => {
    if (a[i] === SEGMENT_STAR) return c !== ":" && c !== "/";
    return i >= confinedUntil || c !== ":";
  };
  let below = new Uint8Array(b.length + 1);
  let row = new Uint8Array(b.length + 1);
  for (let i = a.length; i >= 0; i--) {
    for (let j = b.length; j >= 0; j--) {
      let result = i === a.length && j === b.length;
      if (!result && i < a.length && isStar(a[i])) {
        result = below[j] === 1 || (j < b.length && takes(i, b[j]) && row[j + 1] === 1);
      }
      if (!result && j < b.length && b[j] === "*") result = row[j + 1] === 1 || (i < a.length && below[j] === 1);
      if (!result && i < a.length && j < b.length && !isStar(a[i]) && b[j] !== "*") {
        result = agree(a[i], b[j]) && below[j + 1] === 1;
      }
      row[j] = result ? 1 : 0;
    }
    [below, row] = [row, below];
  }
  return below[0] === 1;
}

export function hasWildcard(text: string): boolean {
  return text.includes("*") || text.includes("?");
}
