"use client";

import Link from "next/link";
import { useState } from "react";
import { Pagination } from "@/components/list/pagination";
import { PastTheEnd } from "@/components/list/past-the-end";
import { paths } from "@/components/shell/paths";
import { ErrorAlert } from "@/components/ui/alert";
import { CheckboxField } from "@/components/ui/field";
import { Badge, Card, EmptyState, Skeleton } from "@/components/ui/misc";
import type { Page } from "@/lib/queries/types";
import { useAssumableRoles, useRoleAssumers, type AssumePages } from "@/lib/queries/use-who-can";
import type { ConditionalAssumption, PathStatement } from "@/lib/schemas/who-can";
import { PathStatementRef } from "./access-path";
import { AccountsReadNote } from "./accounts-read";

const MFA = "aws:MultiFactorAuthPresent=true";
const PAGE_SIZE = 25;
const FIRST: AssumePages = { page: 1, conditionalPage: 1, pageSize: PAGE_SIZE };

/** The MFA toggle and the pages of both lists; a new context starts both lists again. */
function useAssumeState() {
  const [mfa, setMfaOn] = useState(false);
  const [pages, setPages] = useState<AssumePages>(FIRST);
  const setMfa = (on: boolean) => {
    setMfaOn(on);
    setPages(FIRST);
  };
  const setPage = (page: number) => setPages((before) => ({ ...before, page }));
  const setConditionalPage = (conditionalPage: number) => setPages((before) => ({ ...before, conditionalPage }));
  return { mfa, setMfa, context: mfa ? MFA : "", pages, setPage, setConditionalPage };
}

function Pager({ list, noun, onPage }: { list: Page<unknown>; noun: string; onPage: (page: number) => void }) {
  if (list.total <= list.pageSize) return null;
  return (
    <div className="mt-4">
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} noun={noun} onPage={onPage} />
    </div>
  );
}

/** Trust policies often ask for MFA; the toggle adds the key to the request context. */
function MfaToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return <CheckboxField label="Signed in with MFA (aws:MultiFactorAuthPresent = true)" checked={on} onChange={(event) => onChange(event.target.checked)} />;
}

function Statements({ statements, accountId }: { statements: PathStatement[]; accountId: string }) {
  return (
    <ul className="mt-1 flex flex-col gap-0.5 pl-4">
      {statements.map((statement, i) => (
        <li key={i}>
          <PathStatementRef statement={statement} accountId={accountId} />
        </li>
      ))}
    </ul>
  );
}

/** The context that would allow it, as `key = value` (a multivalued key lists its values). */
const contextText = (context: ConditionalAssumption["context"]) =>
  Object.entries(context)
    .map(([key, value]) => `${key} = ${typeof value === "string" ? value : `[${value.join(", ")}]`}`)
    .join(", ");

function Conditional({ list, side, onPage }: { list: Page<ConditionalAssumption>; side: "role" | "principal"; onPage: (page: number) => void }) {
  if (list.total === 0) return null;
  return (
    <div className="mt-4">
      <h3 className="font-bold">Only with more context ({list.total})</h3>
      <ul className="mt-1 flex flex-col gap-1">
        {list.items.map((item) => {
          const who = side === "role" ? item.role : item.principal;
          return (
            <li key={who.arn}>
              <span className="font-semibold">{who.name}</span> <span className="font-mono text-sm text-muted">{who.arn}</span> — allowed with{" "}
              <span className="font-mono">{contextText(item.context)}</span>
            </li>
          );
        })}
      </ul>
      <Pager list={list} noun={side === "role" ? "roles with more context" : "principals with more context"} onPage={onPage} />
    </div>
  );
}

const loading = (
  <div aria-busy="true" className="flex flex-col gap-2">
    <Skeleton className="h-6 w-2/3" />
    <Skeleton className="h-6 w-1/2" />
  </div>
);

/** On a user's page: the roles, in the accounts the caller may read, the user may switch to, and what each grants. */
export function AssumableRoles({ accountId, userName }: { accountId: string; userName: string }) {
  const state = useAssumeState();
  const answer = useAssumableRoles(accountId, userName, state.context, state.pages);
  return (
    <Card title={`Roles this user can assume${answer.data ? ` (${answer.data.total})` : ""}`}>
      <div className="mb-4">
        <MfaToggle on={state.mfa} onChange={state.setMfa} />
      </div>
      {answer.error && <ErrorAlert error={answer.error} />}
      {!answer.data && !answer.error && loading}
      {answer.data && answer.data.total === 0 && (
        <EmptyState title="No assumable roles">
          No role&apos;s trust policy, together with this user&apos;s policies, allows sts:AssumeRole. To let the user switch to a role, allow
          sts:AssumeRole on it in one of the user&apos;s policies and name the user (or its account) in the role&apos;s trust policy.
        </EmptyState>
      )}
      {answer.data && answer.data.total > 0 && answer.data.items.length === 0 && <PastTheEnd onFirst={() => state.setPage(1)} />}
      {answer.data && answer.data.items.length > 0 && (
        <ul aria-label="Assumable roles" className="flex flex-col gap-4">
          {answer.data.items.map(({ role, crossAccount, statements, grants }) => (
            <li key={role.arn}>
              <div className="flex flex-wrap items-center gap-2">
                <Link href={paths.role(role.accountId, role.name)} className="text-lg font-bold text-brand underline-offset-4 hover:underline">
                  {role.name}
                </Link>
                {crossAccount && <Badge tone="brand">Account {role.accountId}</Badge>}
                <Link href={`${paths.role(role.accountId, role.name)}?tab=effective`} className="text-brand underline underline-offset-4">
                  Effective permissions
                </Link>
              </div>
              <p className="mt-1 text-muted">Grants: {grants.length > 0 ? grants.map((g) => g.name).join(", ") : "nothing (no permissions policies)"}</p>
              <Statements statements={statements} accountId={accountId} />
            </li>
          ))}
        </ul>
      )}
      {answer.data && <Pager list={answer.data} noun="roles" onPage={state.setPage} />}
      {answer.data && <Conditional list={answer.data.conditional} side="role" onPage={state.setConditionalPage} />}
      {answer.data && <AccountsReadNote accounts={answer.data.accounts} className="mt-4 border-t border-line pt-3" />}
    </Card>
  );
}

/** On a role's page: every user and role, in the accounts the caller may read, that may assume it, with the reason. */
export function RoleAssumers({ accountId, roleName }: { accountId: string; roleName: string }) {
  const state = useAssumeState();
  const answer = useRoleAssumers(accountId, roleName, state.context, state.pages);
  return (
    <Card title={`Who can assume this role${answer.data ? ` (${answer.data.total})` : ""}`}>
      <div className="mb-4">
        <MfaToggle on={state.mfa} onChange={state.setMfa} />
      </div>
      {answer.error && <ErrorAlert error={answer.error} />}
      {!answer.data && !answer.error && loading}
      {answer.data && answer.data.total === 0 && (
        <EmptyState title="Nobody in these accounts">
          No user or role here is allowed sts:AssumeRole on this role by both its own policies and the trust policy (services named in the trust policy are
          not listed). To let someone in, name them in the trust policy (Trust relationships tab) and allow sts:AssumeRole on this role in their policies.
        </EmptyState>
      )}
      {answer.data && answer.data.total > 0 && answer.data.items.length === 0 && <PastTheEnd onFirst={() => state.setPage(1)} />}
      {answer.data && answer.data.items.length > 0 && (
        <ul aria-label="Principals that can assume the role" className="flex flex-col gap-4">
          {answer.data.items.map((assumer) => (
            <li key={assumer.arn}>
              <div className="flex flex-wrap items-center gap-2">
                <Badge>{assumer.kind === "user" ? "User" : "Role"}</Badge>
                <Link
                  href={assumer.kind === "user" ? paths.user(assumer.accountId, assumer.name) : paths.role(assumer.accountId, assumer.name)}
                  className="text-lg font-bold text-brand underline-offset-4 hover:underline"
                >
                  {assumer.name}
                </Link>
                {assumer.crossAccount && <Badge tone="brand">Account {assumer.accountId}</Badge>}
              </div>
              <Statements statements={assumer.statements} accountId={assumer.accountId} />
            </li>
          ))}
        </ul>
      )}
      {answer.data && <Pager list={answer.data} noun="principals" onPage={state.setPage} />}
      {answer.data && <Conditional list={answer.data.conditional} side="principal" onPage={state.setConditionalPage} />}
      {answer.data && <AccountsReadNote accounts={answer.data.accounts} className="mt-4 border-t border-line pt-3" />}
    </Card>
  );
}
