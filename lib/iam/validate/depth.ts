import type { PathSegment } from "./path";

/**
 * How deep objects and arrays may nest in a policy document. The deepest real policy is about
 * seven levels (document, Statement, statement, Condition, operator, key, values); 64 leaves
 * room for anything AWS accepts while keeping every walk of a document shallow.
 */
export const MAX_POLICY_DEPTH = 64;

export interface TooDeep {
  /** The path of the first object or array that opens deeper than the limit. */
  path: PathSegment[];
  /** Its offset in the text (text scans only). */
  offset: number;
}

interface Frame {
  array: boolean;
  /** Arrays: the index of the current item. */
  index: number;
  /** Objects: where the current key's string starts and ends (end exclusive), -1 before any. */
  keyStart: number;
  keyEnd: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/** Where a string starting at `start` (its opening quote) ends, just past its closing quote. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) i += 2;
    else if (code === QUOTE) return i + 1;
    else i += 1;
  }
  return text.length;
}

function keyOf(text: string, frame: Frame): string {
  const raw = text.slice(frame.keyStart, frame.keyEnd);
  try {
    const key: unknown = JSON.parse(raw);
    return typeof key === "string" ? key : raw;
  } catch {
    return raw;
  }
}

function pathOf(text: string, stack: readonly Frame[]): PathSegment[] {
  return stack.map((frame) => (frame.array ? frame.index : frame.keyStart >= 0 ? keyOf(text, frame) : ""));
}

/**
 * Finds the first object or array nested deeper than `limit` in JSON text, without parsing it
 * and without recursion: one pass that tracks brackets outside strings. Text that is not JSON
 * is scanned all the same (the parser reports its syntax afterwards).
 */
export function findTooDeepInText(text: string, limit = MAX_POLICY_DEPTH): TooDeep | undefined {
  const stack: Frame[] = [];
  let expectKey = false;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top && !top.array && expectKey) {
        top.keyStart = i;
        top.keyEnd = end;
        expectKey = false;
      }
      i = end;
      continue;
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (stack.length >= limit) return { path: pathOf(text, stack), offset: i };
      stack.push({ array: code === OPEN_BRACKET, index: 0, keyStart: -1, keyEnd: -1 });
      expectKey = code === OPEN_BRACE;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      stack.pop();
      expectKey = false;
    } else if (code === COMMA) {
      const top = stack[stack.length - 1];
      if (top?.array) top.index += 1;
      else if (top) expectKey = true;
    }
    i += 1;
  }
  return undefined;
}

/**
 * The same limit for a value already parsed (or built in code), walked with an explicit stack
 * so no depth can overflow the call stack. A value built in code with a cycle is reported as too
 * deep, which it is.
 */
export function findTooDeepInValue(value: unknown, limit = MAX_POLICY_DEPTH): TooDeep | undefined {
  const pending: Array<{ value: unknown; path: PathSegment[] }> = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current !== "object" || current === null) continue;
    if (path.length >= limit) return { path, offset: 0 };
    if (Array.isArray(current)) {
      current.forEach((item: unknown, index) => pending.push({ value: item, path: [...path, index] }));
    } else {
      for (const [key, item] of Object.entries(current)) pending.push({ value: item, path: [...path, key] });
    }
  }
  return undefined;
}
