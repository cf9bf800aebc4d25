import { isRecord } from "@/lib/iam/client";

/** One service's descriptions file (scripts/build-catalog.mjs writes it; public/catalog serves it). */
export interface ServiceDescriptions {
  /** Action name (canonical case) → one sentence. */
  actions: Record<string, string>;
  /** Condition key (canonical case) → one sentence; may be empty. */
  conditionKeys: Record<string, string>;
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [key, text] of Object.entries(value)) if (typeof text === "string") out[key] = text;
  return out;
}

/** Reads a descriptions file's JSON; anything missing or malformed becomes empty, never an error. */
export function toServiceDescriptions(value: unknown): ServiceDescriptions {
  return isRecord(value)
    ? { actions: stringMap(value.actions), conditionKeys: stringMap(value.conditionKeys) }
    : { actions: {}, conditionKeys: {} };
}
