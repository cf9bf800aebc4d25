import "server-only";
import { db } from "@/lib/db";
import { keptCache, sameStamp, type Stamp } from "@/lib/data/compiled-policies";
import { parseStoredDocument } from "@/lib/data/principal-policy-documents";
import type { PolicyDocument } from "@/lib/iam";

/**
 * Every account with its roles' trust policies: the doors a multi-account view may read an
 * account through (lib/auth/reachable-accounts.ts decides which the caller may use). Read in two
 * queries and kept until the stamp moves; each trust policy is parsed once, so the engine's
 * document caches see the same object for every caller.
 */

export interface AccountRole {
  /** The role's unique id (AROA…): a session's aws:userid is ROLEID:SESSIONNAME. */
  id: string;
  accountId: string;
  name: string;
  arn: string;
  /** The trust policy as stored, parsed. */
  trustPolicy: PolicyDocument;
  /** Its text re-serialized (escapes undone), for the cheap "could it name this caller" test. */
  trustText: string;
}

export interface AccountWithRoles {
  accountId: string;
  alias: string;
  /** OrganizationAccountAccessRole first, then by name: the order the doors are tried in. */
  roles: AccountRole[];
}

/** The role AWS Organizations creates in each account it creates, trusted by the management account. */
export const ORGANIZATION_ROLE = "OrganizationAccountAccessRole";

const kept = keptCache<"all", { stamp: Stamp; accounts: AccountWithRoles[] }>("account roles", 1);

const byDoorOrder = (a: AccountRole, b: AccountRole) => Number(b.name === ORGANIZATION_ROLE) - Number(a.name === ORGANIZATION_ROLE) || a.name.localeCompare(b.name, "en");

export async function listAccountRoles(stamp: Stamp): Promise<AccountWithRoles[]> {
  const found = kept.get("all");
  if (found && sameStamp(found.stamp, stamp)) return found.accounts;
  const [accounts, roles] = await db().$transaction([
    db().account.findMany({ select: { id: true, alias: true }, orderBy: { id: "asc" } }),
    db().role.findMany({ select: { id: true, accountId: true, name: true, arn: true, trustPolicy: true } }),
  ]);
  const byAccount = new Map<string, AccountRole[]>(accounts.map((account) => [account.id, []]));
  for (const role of roles) {
    const trustPolicy = parseStoredDocument(role.trustPolicy);
    byAccount.get(role.accountId)?.push({ id: role.id, accountId: role.accountId, name: role.name, arn: role.arn, trustPolicy, trustText: typeof trustPolicy === "string" ? trustPolicy : JSON.stringify(trustPolicy) });
  }
  const result = accounts.map((account) => ({ accountId: account.id, alias: account.alias, roles: (byAccount.get(account.id) ?? []).sort(byDoorOrder) }));
  kept.set("all", { stamp, accounts: result });
  return result;
}
