/**
 * What still blocks a delete, in words: [[2, "user"], [0, "role"], [1, "group"]] gives
 * "2 users and 1 group". Empty when every count is zero.
 */
export function describeCounts(counts: [number, string, string?][]): string {
  const parts = counts
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : (many ?? `${one}s`)}`);
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
