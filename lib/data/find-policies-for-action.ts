import "server-only";
import { loadCatalogIndex } from "@/lib/catalog/load";
import { loadPolicyInventory, type InventoryPolicyRef } from "@/lib/data/action-policy-inventory";
import { noSuchEntity } from "@/lib/errors";
import { statementsForAction, type MatchingStatement } from "@/lib/iam";
import type { ActionPoliciesQuery } from "@/lib/schemas/catalog";
import { pageOf, type Page } from "@/lib/schemas/common";
import type { AccountsRead } from "@/lib/schemas/reachable-accounts";

/**
 * The policies of this console with a statement whose Action or NotAction matches one catalog
 * action — Allow or Deny — with what else limits each statement (lib/iam decides which). Only the
 * accounts the caller may read are looked at (lib/auth/reachable-accounts.ts): their customer
 * managed and inline policies, and every AWS managed policy (AWS publishes those to everyone).
 */
export type { MatchingStatement };

export interface PolicyForAction {
  policy: InventoryPolicyRef;
  statements: MatchingStatement[];
}

export interface PoliciesForAction extends Page<PolicyForAction> {
  /** The action as the catalog spells it, e.g. "s3:GetObject". */
  action: string;
  /** How many policies were looked at. */
  evaluated: number;
  /** Policies with at least one matching statement, before the effect and name filters. */
  matching: number;
  /** Policies with at least one matching Allow statement (whole, not filtered). */
  allowing: number;
  /** Policies with at least one matching Deny statement (whole, not filtered). */
  denying: number;
  /** The accounts whose policies were read, and those that could not be. */
  accounts: AccountsRead;
  // `items`: one page of the policies that pass the filters, in the inventory's order (the
  // console's own policies first, then AWS managed; by name, account, owner): stable across pages.
}

/**
 * One page of the policies with a statement matching `qualifiedAction` ("s3:GetObject", any
 * case). Every policy is looked at for the counts, as before paging; only the page is shaped.
 */
export async function findPoliciesForAction(qualifiedAction: string, query: ActionPoliciesQuery, accounts: AccountsRead): Promise<PoliciesForAction> {
  const action = loadCatalogIndex().action(qualifiedAction);
  if (!action) throw noSuchEntity(`The action ${qualifiedAction} is not in the action catalog.`, "action");
  const canonical = `${action.service}:${action.name}`;
  const readable = new Set(accounts.read.map((account) => account.accountId));
  const inventory = (await loadPolicyInventory()).filter(({ ref }) => ref.accountId === null || readable.has(ref.accountId));
  const needle = query.search.toLowerCase();

  const shown: PolicyForAction[] = [];
  let matching = 0;
  let allowing = 0;
  let denying = 0;
  for (const { ref, compiled, scopes } of inventory) {
    const statements = statementsForAction(compiled, canonical, scopes);
    if (statements.length === 0) continue;
    matching += 1;
    const allows = statements.some((s) => s.effect === "Allow");
    const denies = statements.some((s) => s.effect === "Deny");
    if (allows) allowing += 1;
    if (denies) denying += 1;
    const effectShown = query.effect === "all" || (query.effect === "Allow" ? allows : denies);
    if (effectShown && (needle === "" || ref.name.toLowerCase().includes(needle))) shown.push({ policy: ref, statements });
  }
  return { action: canonical, evaluated: inventory.length, matching, allowing, denying, accounts, ...pageOf(shown, query) };
}
