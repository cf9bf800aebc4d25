import Link from "next/link";
import type { ReactNode } from "react";
import { statementHref } from "@/components/access/sources";
import { paths } from "@/components/shell/paths";
import { Badge, EmptyState } from "@/components/ui/misc";
import { AccountsReadNote } from "@/components/who-can/accounts-read";
import { formatCount, plural } from "@/components/ui/format";
import type { MatchingStatement, PoliciesForAction, PolicyForAction } from "@/lib/data/find-policies-for-action";
import { PageLinks } from "./page-links";
import { catalogPaths, type CatalogContext } from "./paths";
import { SearchForm } from "./search-form";
import { CatalogTable, cellClass, Code, rowClass } from "./table";

export type EffectFilter = "all" | "Allow" | "Deny";

interface ActionPoliciesProps {
  service: string;
  action: string;
  ctx: CatalogContext;
  /** Where AWS managed policies open when the visitor came from no account; null: no link. */
  fallbackAccount: string | null;
  effect: EffectFilter;
  policyFilter: string;
  /** One page of the policies, started by the page and awaited here, inside its Suspense boundary. */
  policies: Promise<PoliciesForAction>;
}

/**
 * The console page showing the policy: a managed policy's own page, or the inline policy on its
 * owner's page (opened at the statement, since an inline policy has no page of its own).
 */
function policyHref(match: PolicyForAction, accountId: string | null, statement?: number): string | null {
  if (!accountId) return null;
  const source = { ...match.policy, viaGroup: null };
  if (statement !== undefined || source.kind === "inline") return statementHref(accountId, source, statement ?? match.statements[0].index);
  return paths.policy(accountId, source.name);
}

function PolicyType({ match }: { match: PolicyForAction }) {
  const { policy } = match;
  if (policy.awsManaged) return <Badge tone="aws">AWS managed</Badge>;
  if (policy.kind === "managed") return <span>Customer managed in {policy.accountId}</span>;
  return (
    <span>
      Inline in {policy.owner?.kind} <strong>{policy.owner?.name}</strong> ({policy.accountId})
    </span>
  );
}

/** What besides the action narrows the statement, in words. */
function StatementScope({ statement }: { statement: MatchingStatement }) {
  const notes: ReactNode[] = [];
  if (statement.viaNotAction) notes.push("matches through NotAction (the action is not excluded)");
  if (statement.limitedByResources && statement.resources) {
    notes.push(
      <>
        {statement.notResource ? "every resource except " : "only "}
        {statement.resources.map((resource, i) => (
          <span key={resource}>
            {i > 0 && ", "}
            <Code>{resource}</Code>
          </span>
        ))}
      </>,
    );
  } else notes.push("all resources");
  if (statement.conditions.length > 0) {
    notes.push(
      <>
        when{" "}
        {statement.conditions.map((condition, i) => (
          <span key={`${condition.operator}:${condition.key}`}>
            {i > 0 && " and "}
            <Code>{condition.operator}</Code> on <Code>{condition.key}</Code>
          </span>
        ))}
      </>,
    );
  }
  return (
    <ul className="mt-1 list-disc pl-5 text-muted">
      {notes.map((note, i) => (
        <li key={i}>{note}</li>
      ))}
    </ul>
  );
}

/** "Policies in this console that allow or deny it", computed when the page is requested. */
export async function ActionPolicies({ service, action, ctx, fallbackAccount, effect, policyFilter, policies }: ActionPoliciesProps) {
  const result = await policies;
  const href = (query: { effect?: EffectFilter; page?: number }) =>
    catalogPaths.action(ctx, service, action, { effect: (query.effect ?? effect) === "all" ? null : (query.effect ?? effect), policy: policyFilter || null, page: query.page });
  const chip = (value: EffectFilter, label: string) => (
    <Link
      key={value}
      href={href({ effect: value })}
      aria-current={effect === value ? "true" : undefined}
      className={`rounded-full border px-3.5 py-1.5 font-semibold ${effect === value ? "border-brand bg-brand-soft text-brand-strong" : "border-line bg-surface hover:bg-subtle"}`}
    >
      {label}
    </Link>
  );

  return (
    <div className="flex flex-col gap-4">
      <p className="text-lg">
        Looked at {plural(result.evaluated, "policy", "policies")} (managed policies&apos; default versions and inline policies):{" "}
        <strong>{formatCount(result.allowing)}</strong> allow it, <strong>{formatCount(result.denying)}</strong> deny it. Resources and
        conditions are listed, not judged. AWS managed policies are listed for everyone; customer managed and inline policies for the
        accounts you may read:
      </p>
      <AccountsReadNote accounts={result.accounts} />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <SearchForm
          action={catalogPaths.action({ account: null }, service, action)}
          name="policy"
          label="Filter policies by name"
          value={policyFilter}
          placeholder="AmazonS3ReadOnlyAccess"
          keep={{ account: ctx.account, effect: effect === "all" ? null : effect }}
        />
        <nav aria-label="Filter policies by effect" className="flex flex-wrap gap-2">
          {chip("all", `All (${formatCount(result.matching)})`)}
          {chip("Allow", `Allow (${formatCount(result.allowing)})`)}
          {chip("Deny", `Deny (${formatCount(result.denying)})`)}
        </nav>
      </div>
      {result.items.length === 0 ? (
        <EmptyState title={result.matching === 0 ? "No policy mentions this action" : result.total === 0 ? "No policy matches the filter" : "No policies on this page"}>
          {result.matching === 0 ? (
            "No managed or inline policy in this console has a statement whose Action or NotAction matches it."
          ) : result.total === 0 ? (
            "Clear the name filter or choose All."
          ) : (
            <Link href={href({ page: 1 })} className="text-brand underline underline-offset-4">
              Go to the first page
            </Link>
          )}
        </EmptyState>
      ) : (
        <>
          <CatalogTable caption={`Policies that allow or deny ${result.action}`} headers={["Policy", "Type", "Matching statements"]}>
            {result.items.map((match) => {
              const accountId = match.policy.accountId ?? ctx.account ?? fallbackAccount;
              const policyLink = policyHref(match, accountId);
              const key = `${match.policy.kind}:${match.policy.accountId}:${match.policy.owner?.kind}:${match.policy.owner?.name}:${match.policy.name}`;
              return (
                <tr key={key} className={rowClass}>
                  <th scope="row" className={`${cellClass} font-semibold`}>
                    {policyLink ? (
                      <Link href={policyLink} className="text-brand underline-offset-4 hover:underline">
                        {match.policy.name}
                      </Link>
                    ) : (
                      match.policy.name
                    )}
                  </th>
                  <td className={cellClass}>
                    <PolicyType match={match} />
                  </td>
                  <td className={cellClass}>
                    <ul className="flex flex-col gap-3">
                      {match.statements.map((statement) => {
                        const label = `Statement ${statement.index + 1}${statement.sid ? ` (${statement.sid})` : ""}`;
                        const link = policyHref(match, accountId, statement.index);
                        return (
                          <li key={statement.index}>
                            <Badge tone={statement.effect === "Deny" ? "danger" : "success"}>{statement.effect}</Badge>{" "}
                            {link ? (
                              <Link href={link} className="font-semibold text-brand underline-offset-4 hover:underline">
                                {label}
                              </Link>
                            ) : (
                              <span className="font-semibold">{label}</span>
                            )}
                            <StatementScope statement={statement} />
                          </li>
                        );
                      })}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </CatalogTable>
          <PageLinks page={result.page} pageSize={result.pageSize} total={result.total} noun="policies" href={(target) => href({ page: target })} />
        </>
      )}
    </div>
  );
}
