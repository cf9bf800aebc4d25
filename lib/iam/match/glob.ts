/**
 * Wildcard matching for actions, resources, StringLike and ArnLike, without regular
 * expressions: a pattern is compiled once into tokens and a matcher with fast paths for the
 * common shapes (exact, "*", prefix*, *suffix, *infix*). Every other pattern runs in
 * O(pattern × value) whatever the stars: a greedy pass with one backtrack point, or an
 * automaton (./automaton.ts) when a star is confined to its ARN segment. Retrying every split at
 * every `*`, as a backtracking matcher or regular expression does, is exponential.
 */
import type { Segment } from "../variables";
import { ANY_CHAR, CHAR_IN_SEGMENT, compileAutomaton, STAR, STAR_IN_SEGMENT, type RangeMatcher, type Step } from "./automaton";

/** Literal text, or a wildcard: `*` (any run), `*` within one ARN segment, `?`, `?` in a segment. */
export type GlobToken = string | typeof ANY | typeof ANY_IN_SEGMENT | typeof ONE | typeof ONE_IN_SEGMENT;

export const ANY = 1;
export const ANY_IN_SEGMENT = 2;
export const ONE = 3;
export const ONE_IN_SEGMENT = 4;

export type StringMatcher = (value: string) => boolean;

export interface TokenizeOptions {
  /** Lower-case the text (action names are case-insensitive). */
  lowerCase?: boolean;
  /**
   * Resource ARNs: a wildcard stays within its colon-separated segment unless the `*` is the
   * last character of a segment, when it may run past colons ("IAM JSON policy elements:
   * Resource", Using wildcards in resource ARNs).
   */
  arnSegments?: boolean;
}

export function tokenize(segments: readonly Segment[], options: TokenizeOptions = {}): GlobToken[] {
  const tokens: GlobToken[] = [];
  let text = "";
  const flush = () => {
    if (text) tokens.push(text);
    text = "";
  };
  for (const segment of segments) {
    const source = options.lowerCase ? segment.text.toLowerCase() : segment.text;
    if (segment.literal) {
      text += source;
      continue;
    }
    for (let i = 0; i < source.length; i++) {
      const char = source[i];
      if (char === "*") {
        flush();
        if (tokens[tokens.length - 1] !== ANY) tokens.push(ANY);
      } else if (char === "?") {
        flush();
        tokens.push(options.arnSegments ? ONE_IN_SEGMENT : ONE);
      } else {
        text += char;
      }
    }
  }
  flush();
  if (options.arnSegments) confineStars(tokens);
  return tokens;
}

// A `*` followed by more text of its own segment cannot cross a colon.
function confineStars(tokens: GlobToken[]): void {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] !== ANY) continue;
    const next = tokens[i + 1];
    const endsSegment = next === undefined || (typeof next === "string" && next.startsWith(":"));
    if (!endsSegment) tokens[i] = ANY_IN_SEGMENT;
  }
}

export function hasWildcard(tokens: readonly GlobToken[]): boolean {
  return tokens.some((token) => typeof token !== "string");
}

const COLON = 0x3a;

export function compileTokens(tokens: readonly GlobToken[]): StringMatcher {
  return compileTokensConfinedBy(tokens, COLON);
}

/**
 * The matcher with another separator for ANY_IN_SEGMENT and ONE_IN_SEGMENT (a UTF-16 code
 * unit): the linter compares two patterns, where a `?` may not stand for the other's `*`.
 */
export function compileTokensConfinedBy(tokens: readonly GlobToken[], separator: number): StringMatcher {
  if (tokens.length === 0) return (value) => value === "";
  if (tokens.length === 1) {
    const only = tokens[0];
    if (typeof only === "string") return (value) => value === only;
    if (only === ANY) return () => true;
  }
  if (tokens.length === 2) {
    const [first, second] = tokens;
    if (typeof first === "string" && second === ANY) return (value) => value.startsWith(first);
    if (first === ANY && typeof second === "string") return (value) => value.endsWith(second);
  }
  if (tokens.length === 3 && tokens[0] === ANY && tokens[2] === ANY) {
    const inner = tokens[1];
    if (typeof inner === "string") return (value) => value.includes(inner);
  }
  // Literal ends are checked directly; the matcher runs on what lies between them.
  const head = typeof tokens[0] === "string" ? tokens[0] : "";
  const last = tokens[tokens.length - 1];
  const tail = typeof last === "string" ? last : "";
  const middle = tokens.slice(head ? 1 : 0, tail ? tokens.length - 1 : tokens.length);
  let minLength = head.length + tail.length;
  let confined = false;
  for (const token of middle) {
    minLength += fixedLength(token);
    if (token === ANY_IN_SEGMENT) confined = true;
  }
  const matchMiddle = confined ? lazyAutomaton(middle, separator) : greedyMatcher(middle, separator);
  return (value) =>
    value.length >= minLength &&
    value.startsWith(head) &&
    value.endsWith(tail) &&
    matchMiddle(value, head.length, value.length - tail.length);
}

const fixedLength = (token: GlobToken) => (typeof token === "string" ? token.length : token === ONE || token === ONE_IN_SEGMENT ? 1 : 0);

// At module level: a closure made per compiled pattern costs more than the rest of compiling it.
function fits(token: GlobToken, value: string, at: number, end: number, separator: number): boolean {
  if (typeof token === "string") return at + token.length <= end && value.startsWith(token, at);
  return at < end && (token === ONE || value.charCodeAt(at) !== separator);
}

/**
 * Stars that may take anything: one pass with a single backtrack point at the last `*` (cedar's
 * `wildcard_match`). The text between two stars has a fixed length, and its leftmost place is
 * always a good one, since the next star can take whatever lies beyond. O(pattern × value).
 */
function greedyMatcher(tokens: readonly GlobToken[], separator: number): RangeMatcher {
  return (value, start, end) => {
    let t = 0;
    let v = start;
    let starToken = -1;
    let starValue = start;
    for (;;) {
      if (t < tokens.length) {
        const token = tokens[t];
        if (token === ANY) {
          if (t === tokens.length - 1) return true;
          starToken = t++;
          starValue = v;
          continue;
        }
        if (fits(token, value, v, end, separator)) {
          v += fixedLength(token);
          t++;
          continue;
        }
      } else if (v === end) {
        return true;
      }
      // Let the last star take one more character, and retry what follows it.
      if (starToken < 0 || starValue >= end) return false;
      v = ++starValue;
      t = starToken + 1;
    }
  };
}

/**
 * Stars confined to their segment break the greedy argument: they take the automaton, built on
 * first use, since most values already fail the literal ends (a pattern with a policy variable
 * is compiled for each request).
 */
function lazyAutomaton(tokens: readonly GlobToken[], separator: number): RangeMatcher {
  let automaton: RangeMatcher | null = null;
  return (value, start, end) => (automaton ??= compileAutomaton(stepsOf(tokens), separator))(value, start, end);
}

function stepsOf(tokens: readonly GlobToken[]): Step[] {
  const steps: Step[] = [];
  for (const token of tokens) {
    if (typeof token === "string") for (let i = 0; i < token.length; i++) steps.push(token.charCodeAt(i));
    else steps.push(STEP_OF_TOKEN[token]);
  }
  return steps;
}

const STEP_OF_TOKEN: Record<typeof ANY | typeof ANY_IN_SEGMENT | typeof ONE | typeof ONE_IN_SEGMENT, Step> = {
  [ANY]: STAR,
  [ANY_IN_SEGMENT]: STAR_IN_SEGMENT,
  [ONE]: ANY_CHAR,
  [ONE_IN_SEGMENT]: CHAR_IN_SEGMENT,
};

/** One-shot convenience for patterns known at compile time. */
export function compileGlob(pattern: string, options: TokenizeOptions = {}): StringMatcher {
  return compileTokens(tokenize([{ text: pattern, literal: false }], options));
}
