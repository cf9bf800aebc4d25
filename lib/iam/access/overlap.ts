/**
 * Whether two Resource scopes can name a common resource, so that an identity grant on one
 * bucket and a boundary grant on another are known to leave nothing. Patterns are compared as
 * the engine matches them (lib/iam/match/glob.ts: `*` and `?`, within one ARN segment unless a
 * `*` ends its segment) by searching the product of the two patterns for a common string.
 * When unsure (NotResource, variables left for the request) the answer is "may overlap".
 */
import { ANY, ANY_IN_SEGMENT, ONE, tokenize } from "../match/glob";
import { parseTemplate, resolveTemplate, type ContextLookup } from "../variables";
import type { ResourceScope } from "./types";

/** One character, or a class: any character, or any but the ARN separator `:`. */
type Step = { char: string } | { star: boolean; colon: boolean };

const NO_CONTEXT: ContextLookup = { get: () => undefined, has: () => false };

/** Null for a pattern with a variable: its resources are not known before the request. */
function stepsOf(pattern: string): Step[] | null {
  const template = parseTemplate(pattern, true);
  if (template.parts.some((part) => part.kind === "variable")) return null;
  const segments = resolveTemplate(template, NO_CONTEXT);
  if (segments === null) return null;
  const steps: Step[] = [];
  for (const token of tokenize(segments, { arnSegments: true })) {
    if (typeof token === "string") for (const char of token) steps.push({ char });
    else steps.push({ star: token === ANY || token === ANY_IN_SEGMENT, colon: token === ANY || token === ONE });
  }
  return steps;
}

function admits(step: Step, char: string): boolean {
  return "char" in step ? step.char === char : step.colon || char !== ":";
}

/** Some character both steps accept (any two classes share every character but `:`). */
function compatible(a: Step, b: Step): boolean {
  if ("char" in a) return admits(b, a.char);
  if ("char" in b) return admits(a, b.char);
  return true;
}

const isStar = (step: Step | undefined) => step !== undefined && "star" in step && step.star;

/**
 * Reachability in the product automaton of the two patterns: state (i, j) when some string
 * takes `a` to step i and `b` to step j. Every move goes to (i or i + 1, j or j + 1), so the
 * states are settled row by row: O(|a| × |b|) time, O(|b|) memory.
 */
function intersects(a: readonly Step[], b: readonly Step[]): boolean {
  let row = new Uint8Array(b.length + 1);
  let next = new Uint8Array(b.length + 1);
  row[0] = 1;
  for (let i = 0; i <= a.length; i++) {
    let alive = false;
    const x = a[i];
    for (let j = 0; j <= b.length; j++) {
      if (row[j] === 0) continue;
      alive = true;
      if (i === a.length && j === b.length) return true;
      const y = b[j];
      // A star may match nothing; a character move consumes on both sides (a star stays put).
      if (isStar(x)) next[j] = 1;
      if (isStar(y)) row[j + 1] = 1;
      if (x !== undefined && y !== undefined && compatible(x, y)) {
        const stay = isStar(x);
        const column = isStar(y) ? j : j + 1;
        if (!stay) next[column] = 1;
        else if (column !== j) row[column] = 1;
      }
    }
    if (!alive) return false;
    [row, next] = [next, row];
    next.fill(0);
  }
  return false;
}

const stepsByScope = new WeakMap<ResourceScope, (Step[] | null)[]>();

function scopeSteps(scope: ResourceScope): (Step[] | null)[] {
  let steps = stepsByScope.get(scope);
  if (!steps) stepsByScope.set(scope, (steps = scope.patterns.map(stepsOf)));
  return steps;
}

export function scopesMayOverlap(a: ResourceScope, b: ResourceScope): boolean {
  if (a.element === "NotResource" || b.element === "NotResource") return true;
  const stepsB = scopeSteps(b);
  return scopeSteps(a).some((x) => stepsB.some((y) => x === null || y === null || intersects(x, y)));
}
