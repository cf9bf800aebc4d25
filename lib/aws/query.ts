import { validationError } from "@/lib/errors";

/**
 * The Query protocol's parameters as a nested object: `Tags.member.1.Key=a&Tags.member.1.Value=b`
 * is `{ Tags: [{ Key: "a", Value: "b" }] }`, `ActionNames.member.2=x` the second item of a list
 * (AWS numbers from 1). Bounded: at most MAX_PARAMETERS names, MAX_DEPTH levels and MAX_INDEX items
 * per list, so a request cannot make the decoder do unbounded work.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/CommonParameters.html
 */

export const MAX_PARAMETERS = 2_000;
const MAX_DEPTH = 8;
const MAX_INDEX = 1_000;

type Node = { [key: string]: Node | string } | (Node | string)[];

const isIndex = (segment: string) => /^[1-9]\d{0,3}$/.test(segment);

function place(root: Record<string, unknown>, name: string, value: string): void {
  const segments = name.split(".");
  if (segments.length > MAX_DEPTH) throw validationError(name, `The parameter ${name} is nested deeper than ${MAX_DEPTH} levels.`);
  let here: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < segments.length; i++) {
    let key: string | number = segments[i];
    if (key === "member" && Array.isArray(here)) continue;
    if (Array.isArray(here)) {
      if (!isIndex(key) || Number(key) > MAX_INDEX) throw validationError(name, `The parameter ${name} names list item ${key}; items are numbered 1 to ${MAX_INDEX}.`);
      key = Number(key) - 1;
    } else if (key === "__proto__" || key === "constructor" || key === "prototype") {
      throw validationError(name, `The parameter name ${name} is not valid.`);
    }
    const last = i === segments.length - 1;
    const container = here as Record<string | number, unknown>;
    if (last) {
      container[key] = value;
      return;
    }
    const next = segments[i + 1];
    // Only the object's own members: a name like `X.hasOwnProperty.call` must not walk into what
    // every object inherits (and write onto Object.prototype's functions for the whole process).
    if (!Object.hasOwn(container, key) || typeof container[key] === "string") container[key] = next === "member" ? [] : {};
    here = container[key] as Record<string, unknown> | unknown[];
  }
}

function compact(node: unknown): unknown {
  if (Array.isArray(node)) return node.filter((item) => item !== undefined).map(compact);
  if (node && typeof node === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) out[key] = compact(value);
    return out;
  }
  return node;
}

/** The request's parameters (query string and form body together) as one nested object. */
export function decodeParameters(pairs: Iterable<[string, string]>): Record<string, unknown> {
  const root: Record<string, unknown> = Object.create(null);
  let count = 0;
  for (const [name, value] of pairs) {
    if (++count > MAX_PARAMETERS) throw validationError("parameters", `A request may carry at most ${MAX_PARAMETERS} parameters.`);
    if (name.length === 0) continue;
    place(root, name, value);
  }
  return { ...(compact(root) as Record<string, unknown>) };
}

export type { Node as QueryNode };
