/**
 * The summary's resource warning, as the IAM console shows it: "One or more actions do not have
 * an applicable resource" when an action is named only by statements whose Resource cannot be
 * any of its resource types (s3:GetObject on "arn:aws:s3:::my_bucket"), or only by statements
 * naming ARNs when the action has no resource type and needs "*". The test is the linter's
 * (lib/iam/lint/applicable.ts), over the same catalog ARN formats.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary.html
 */
import { indexCatalog, type CatalogIndex } from "../catalog";
import type { Catalog, CatalogAction } from "../catalog/types";
import { resourceFit, type ResourceFit } from "../lint/applicable";
import type { SummaryStatement } from "./types";

const indexes = new WeakMap<Catalog, CatalogIndex>();

function indexOf(catalog: Catalog): CatalogIndex {
  let index = indexes.get(catalog);
  if (!index) {
    index = indexCatalog(catalog);
    indexes.set(catalog, index);
  }
  return index;
}

/** Whether an action, named by the statements at these positions, has no applicable resource. */
export type ApplicableTest = (action: CatalogAction, positions: readonly number[]) => boolean;

/**
 * One test for a summary: each statement's Resource list is read once, when an action it names
 * is first tested. NotResource (every resource but some) and "*" always apply.
 */
export function withoutApplicableResource(statements: readonly SummaryStatement[], catalog: Catalog): ApplicableTest {
  const fits = new Map<number, ResourceFit | undefined>();
  const fitOf = (position: number): ResourceFit | undefined => {
    if (!fits.has(position)) {
      const scope = statements[position]?.resources;
      fits.set(position, scope && scope.element === "Resource" ? resourceFit(scope.patterns, indexOf(catalog)) : undefined);
    }
    return fits.get(position);
  };
  return (action, positions) =>
    positions.length > 0 &&
    positions.every((position) => {
      const fit = fitOf(position);
      if (!fit) return false;
      const applicability = fit(action);
      return applicability === "noMatchingResource" || applicability === "needsEveryResource";
    });
}

/**
 * The order a warning names actions in: those acting on the most common set of resource types
 * first (s3:Get* on a bucket: the object actions), those that need "*" last; catalog order
 * within a set. A long list is cut short, so the likely mistake shows first.
 */
export function byResourceTypes(actions: readonly CatalogAction[]): CatalogAction[] {
  const keyOf = (action: CatalogAction) => action.resourceTypes.map((type) => type.name).join("+");
  const counts = new Map<string, number>();
  for (const action of actions) counts.set(keyOf(action), (counts.get(keyOf(action)) ?? 0) + 1);
  const weight = (action: CatalogAction) => (action.resourceTypes.length === 0 ? -1 : (counts.get(keyOf(action)) ?? 0));
  return [...actions].sort((a, b) => weight(b) - weight(a));
}
