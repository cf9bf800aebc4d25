import type { ListParams, PrincipalKind } from "./types";

export type EntityKind = PrincipalKind | "policies";

/**
 * Every query key of an account starts with ["account", accountId], so one invalidation after a
 * write refreshes that account's lists, details, counts and history at once.
 */
export const keys = {
  accounts: ["accounts"] as const,
  account: (accountId: string) => ["account", accountId] as const,
  accountDetail: (accountId: string) => ["account", accountId, "detail"] as const,
  changes: (accountId: string, targetArn: string, page: number) =>
    ["account", accountId, "changes", targetArn, page] as const,
  list: (accountId: string, kind: EntityKind, params: ListParams & Record<string, unknown>) =>
    ["account", accountId, kind, "list", params] as const,
  // Names are case-insensitive in IAM, so "Alice" and "alice" share a cache entry.
  entity: (accountId: string, kind: EntityKind, name: string) =>
    ["account", accountId, kind, "entity", name.toLowerCase()] as const,
  sub: (accountId: string, kind: EntityKind, name: string, part: string) =>
    ["account", accountId, kind, "entity", name.toLowerCase(), part] as const,
};
