/**
 * Wildcard matching for actions, resources, StringLike and ArnLike, without regular
 * expressions: a pattern is compiled once into tokens and a matcher with fast paths for the
 * common shapes (exact, "*", prefix*, *suffix).
 */
import type { Segment } from "../variables";

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

export function compileTokens(tokens: readonly GlobToken[]): StringMatcher {
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
  const frozen = tokens.slice();
  const minLength = frozen.reduce<number>(
    (sum, token) => sum + (typeof token === "string" ? token.length : token === ONE || token === ONE_IN_SEGMENT ? 1 : 0),
    0,
  );
  return (value) => value.length >= minLength && matchFrom(frozen, 0, value, 0);
}

function matchFrom(tokens: readonly GlobToken[], t: number, value: string, v: number): boolean {
  for (; t < tokens.length; t++) {
    const token = tokens[t];
    if (typeof token === "string") {
      if (!value.startsWith(token, v)) return false;
      v += token.length;
    } else if (token === ONE || token === ONE_IN_SEGMENT) {
      if (v >= value.length || (token === ONE_IN_SEGMENT && value[v] === ":")) return false;
      v++;
    } else {
      if (t === tokens.length - 1) {
        return token === ANY || value.indexOf(":", v) < 0;
      }
      for (let end = v; end <= value.length; end++) {
        if (matchFrom(tokens, t + 1, value, end)) return true;
        if (token === ANY_IN_SEGMENT && value[end] === ":") return false;
      }
      return false;
    }
  }
  return v === value.length;
}

/** One-shot convenience for patterns known at compile time. */
export function compileGlob(pattern: string, options: TokenizeOptions = {}): StringMatcher {
  return compileTokens(tokenize([{ text: pattern, literal: false }], options));
}
