/**
 * The words of the IAM console's policy summary columns, from summary data: "Full access",
 * "Full: List  Limited: Read", "All resources", a condition clause on one line.
 */
import type { ConditionClause, ResourceScope, ServiceSummary } from "./types";

/** "Full access", or the levels grouped by extent: "Full: List · Limited: Read, Write". */
export function describeAccessLevels(service: Pick<ServiceSummary, "fullAccess" | "levels">): string {
  if (service.fullAccess) return "Full access";
  const parts: string[] = [];
  for (const extent of ["Full", "Limited"] as const) {
    const levels = service.levels.filter((level) => level.extent === extent).map((level) => level.accessLevel);
    if (levels.length > 0) parts.push(`${extent}: ${levels.join(", ")}`);
  }
  return parts.join(" · ");
}

const isEverything = (pattern: string) => /^\*+$/.test(pattern);

/** True when some scope names every resource. */
export function coversAllResources(scopes: readonly ResourceScope[]): boolean {
  return scopes.some((scope) => scope.element === "Resource" && scope.patterns.some(isEverything));
}

/** One scope in words: its patterns, or "All resources except …" for NotResource. */
export function describeResourceScope(scope: ResourceScope): string {
  if (scope.element === "Resource") return scope.patterns.some(isEverything) ? "All resources" : scope.patterns.join(", ");
  return `All resources except ${scope.patterns.join(", ")}`;
}

/** `StringEquals aws:RequestedRegion: eu-west-1, eu-west-2`. */
export function describeCondition(clause: ConditionClause): string {
  return `${clause.operator} ${clause.key}: ${clause.values.join(", ")}`;
}
