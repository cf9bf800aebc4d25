/** A plain JSON object: not null, not an array. The guard for every raw document and body. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
