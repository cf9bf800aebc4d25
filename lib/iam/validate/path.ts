/**
 * Paths name a place in a policy document: `Statement[1].Condition.StringEquals["aws:SourceIp"]`.
 * Keys that are not plain identifiers (condition keys contain ":" and ".") are written in
 * brackets as JSON strings so a path can always be read back.
 */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Reads a path written by formatPath; undefined when the text is not such a path. */
export function parsePath(path: string): PathSegment[] | undefined {
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    const rest = path.slice(i);
    const index = /^\[(\d+)\]/.exec(rest);
    if (index) {
      segments.push(Number(index[1]));
      i += index[0].length;
      continue;
    }
    const quoted = /^\["(?:[^"\\]|\\.)*"\]/.exec(rest);
    if (quoted) {
      const key: unknown = JSON.parse(quoted[0].slice(1, -1));
      if (typeof key !== "string") return undefined;
      segments.push(key);
      i += quoted[0].length;
      continue;
    }
    const name = (segments.length === 0 ? /^[A-Za-z_][A-Za-z0-9_]*/ : /^\.([A-Za-z_][A-Za-z0-9_]*)/).exec(rest);
    if (!name) return undefined;
    segments.push(name[1] ?? name[0]);
    i += name[0].length;
  }
  return segments;
}
