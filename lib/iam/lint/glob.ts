/**
 * Wildcards as policies write them: `*` any run of characters, `?` any one character. Small
 * helpers for the linter's questions, which compare two patterns rather than a pattern and a
 * value; the engine's matcher (lib/iam/match) answers the other question.
 */

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A case-insensitive matcher for action patterns such as "s3:Get*". */
export function actionMatcher(pattern: string): RegExp {
  const body = pattern
    .split("")
    .map((char) => (char === "*" ? ".*" : char === "?" ? "." : escapeRegExp(char)))
    .join("");
  return new RegExp(`^${body}$`, "i");
}

/**
 * A test of whether every string a pattern `specific` matches is also matched by `general`. Sound
 * but not complete: `general`'s `*` may absorb anything, its `?` only a non-`*` character, and
 * its literals must meet the same literal.
 */
export function coverMatcher(general: string, ignoreCase: boolean): (specific: string) => boolean {
  if (!hasWildcard(general)) {
    const literal = ignoreCase ? general.toLowerCase() : general;
    return (specific) => (ignoreCase ? specific.toLowerCase() : specific) === literal;
  }
  const body = general
    .split("")
    .map((char) => (char === "*" ? "[\\s\\S]*" : char === "?" ? "[^*]" : escapeRegExp(char)))
    .join("");
  const regex = new RegExp(`^${body}$`, ignoreCase ? "i" : "");
  return (specific) => regex.test(specific);
}

/** Characters that agree: equal, or either is `?` (stars are handled by the caller). */
const agree = (x: string, y: string) => x === y || x === "?" || y === "?";

/**
 * Whether two patterns can match one same string. `a`'s stars before index `confinedUntil`
 * cannot take a literal ":" of `b` (a catalog ARN's ${Region} stays in its field, while a
 * policy's `*` may run on). The literal ends are compared first (most pairs differ there);
 * the rest is a table: `a[i:]` and `b[j:]` share a string when a star takes nothing or one
 * more character of the other side, or two characters agree.
 */
export function intersects(a: string, b: string, confinedUntil = 0): boolean {
  let start = 0;
  while (start < a.length && start < b.length && a[start] !== "*" && b[start] !== "*") {
    if (!agree(a[start], b[start])) return false;
    start++;
  }
  let end = 0;
  while (end < a.length - start && end < b.length - start) {
    const x = a[a.length - 1 - end];
    const y = b[b.length - 1 - end];
    if (x === "*" || y === "*") break;
    if (!agree(x, y)) return false;
    end++;
  }
  return intersectsTable(a.slice(start, a.length - end), b.slice(start, b.length - end), confinedUntil - start);
}

function intersectsTable(a: string, b: string, confinedUntil: number): boolean {
  if (b === "*" || (a === "*" && confinedUntil <= 0)) return true;
  const width = b.length + 1;
  const shared = new Uint8Array((a.length + 1) * width);
  const at = (i: number, j: number) => shared[i * width + j] === 1;
  for (let i = a.length; i >= 0; i--) {
    for (let j = b.length; j >= 0; j--) {
      let result = i === a.length && j === b.length;
      if (!result && i < a.length && a[i] === "*") {
        result = at(i + 1, j) || (j < b.length && (i >= confinedUntil || b[j] !== ":") && at(i, j + 1));
      }
      if (!result && j < b.length && b[j] === "*") result = at(i, j + 1) || (i < a.length && at(i + 1, j));
      if (!result && i < a.length && j < b.length && a[i] !== "*" && b[j] !== "*") {
        result = agree(a[i], b[j]) && at(i + 1, j + 1);
      }
      if (result) shared[i * width + j] = 1;
    }
  }
  return at(0, 0);
}

export function hasWildcard(text: string): boolean {
  return text.includes("*") || text.includes("?");
}
