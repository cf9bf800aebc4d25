import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ActionPolicies, type EffectFilter } from "@/components/catalog/action-policies";
import { AccessLevelBadge } from "@/components/catalog/access-level-badge";
import { catalogContext, catalogPaths, pageParam, textParam } from "@/components/catalog/paths";
import { ConditionKeysTable, ResourceTypesTable } from "@/components/catalog/service-actions";
import { Spinner } from "@/components/ui/button";
import { Breadcrumbs, EmptyState, PageHeader, SummaryList } from "@/components/ui/misc";
import { getActionView } from "@/lib/catalog/service-view";
import { pageCaller } from "@/lib/auth/page-caller";
import { reachableAccounts } from "@/lib/auth/reachable-accounts";
import { findPoliciesForAction } from "@/lib/data/find-policies-for-action";
import { listAccounts } from "@/lib/data/list-accounts";
import { DEFAULT_PAGE_SIZE } from "@/lib/schemas/common";
import { qualifiedAction } from "@/lib/schemas/catalog";

type Params = Promise<{ service: string; action: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function actionOf(params: Params) {
  const { service, action } = await params;
  const parsed = qualifiedAction.safeParse(`${service}:${action}`);
  return parsed.success ? getActionView(parsed.data) : undefined;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const action = await actionOf(params);
  return { title: action ? `${action.service}:${action.name} · Service catalog` : "Service catalog" };
}

const effectOf = (text: string): EffectFilter => (text === "Allow" || text === "Deny" ? text : "all");

export default async function ActionPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const action = await actionOf(params);
  if (!action) notFound();
  const query = await searchParams;
  const ctx = catalogContext(query);
  // AWS managed policies belong to no account; their console page is shown inside one.
  const fallbackAccount = ctx.account ?? (await listAccounts()).map((a) => a.accountId).sort()[0] ?? null;
  const qualified = `${action.service}:${action.name}`;
  const effect = effectOf(textParam(query, "effect"));
  const policyFilter = textParam(query, "policy");
  // Not awaited: the list streams in behind its Suspense fallback. The page is cut where the
  // policies are found, as the API does: only it is sent to the browser. The accounts whose
  // policies are listed are the ones the caller may read (none without a session).
  const caller = await pageCaller();
  const accounts = caller ? reachableAccounts(caller.identity, caller.facts) : Promise.resolve({ read: [], unread: [] });
  const policies = accounts.then((read) => findPoliciesForAction(qualified, { effect, search: policyFilter, page: pageParam(query), pageSize: DEFAULT_PAGE_SIZE }, read));

  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Service catalog", href: catalogPaths.home(ctx) },
          { label: action.serviceName, href: catalogPaths.service(ctx, action.service) },
          { label: action.name },
        ]}
      />
      <PageHeader title={qualified} badge={<AccessLevelBadge level={action.accessLevel} />} description={action.description || undefined} />
      <SummaryList
        items={[
          { term: "Service", value: `${action.serviceName} (${action.service})` },
          { term: "Access level", value: action.accessLevel },
          { term: "Resource types", value: action.resourceTypes.length === 0 ? "None: the action applies to all resources (*)" : action.resourceTypes.map((t) => t.name).join(", ") },
        ]}
      />
      <section aria-labelledby="types-heading" className="mt-10 flex flex-col gap-4">
        <h2 id="types-heading" className="text-2xl font-bold">
          Resource types
        </h2>
        {action.resourceTypes.length === 0 ? (
          <EmptyState title="No resource types">Write &quot;Resource&quot;: &quot;*&quot; for this action.</EmptyState>
        ) : (
          <ResourceTypesTable types={action.resourceTypes} caption={`Resource types of ${qualified}`} />
        )}
      </section>
      <section aria-labelledby="keys-heading" className="mt-10 flex flex-col gap-4">
        <h2 id="keys-heading" className="text-2xl font-bold">
          Condition keys
        </h2>
        {action.conditionKeys.length === 0 ? (
          <EmptyState title="No action condition keys">Global condition keys (aws:…) and the resource types&apos; keys still apply.</EmptyState>
        ) : (
          <ConditionKeysTable keys={action.conditionKeys} caption={`Condition keys of ${qualified}`} />
        )}
      </section>
      <section aria-labelledby="policies-heading" className="mt-10 flex flex-col gap-4">
        <h2 id="policies-heading" className="text-2xl font-bold">
          Policies in this console that allow or deny it
        </h2>
        <Suspense
          fallback={
            <p role="status" className="flex items-center gap-3 text-lg text-muted">
              <Spinner /> Checking every managed and inline policy… (the first time, each policy is compiled)
            </p>
          }
        >
          <ActionPolicies
            service={action.service}
            action={action.name}
            ctx={ctx}
            fallbackAccount={fallbackAccount}
            effect={effect}
            policyFilter={policyFilter}
            policies={policies}
          />
        </Suspense>
      </section>
    </>
  );
}
