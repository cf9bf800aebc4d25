"use client";

import Link from "next/link";
import { useState } from "react";
import { paths } from "@/components/shell/paths";
import { ErrorAlert } from "@/components/ui/alert";
import { CheckboxField } from "@/components/ui/field";
import { Badge, Card, EmptyState, Skeleton } from "@/components/ui/misc";
import { useAssumableRoles, useRoleAssumers } from "@/lib/queries/use-who-can";
import type { ConditionalAssumption, PathStatement } from "@/lib/schemas/who-can";
import { PathStatementRef } from "./access-path";

const MFA = "aws:MultiFactorAuthPresent=true";

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

function Conditional({ items, side }: { items: ConditionalAssumption[]; side: "role" | "principal" }) {
  if (items.length === 0) return null;
  return (
    <div className="mt-4">
      <h3 className="font-bold">Only with more context</h3>
      <ul className="mt-1 flex flex-col gap-1">
        {items.map((item) => {
          const who = side === "role" ? item.role : item.principal;
          return (
            <li key={who.arn}>
              <span className="font-semibold">{who.name}</span> <span className="font-mono text-sm text-muted">{who.arn}</span> — needs{" "}
              <span className="font-mono">{item.missingContextValues.join(", ")}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const loading = (
  <div aria-busy="true" className="flex flex-col gap-2">
    <Skeleton className="h-6 w-2/3" />
    <Skeleton className="h-6 w-1/2" />
  </div>
);

/** On a user's page: the roles, in any account, the user may switch to, and what each grants. */
export function AssumableRoles({ accountId, userName }: { accountId: string; userName: string }) {
  const [mfa, setMfa] = useState(false);
  const answer = useAssumableRoles(accountId, userName, mfa ? MFA : "");
  return (
    <Card title="Roles this user can assume">
      <div className="mb-4">
        <MfaToggle on={mfa} onChange={setMfa} />
      </div>
      {answer.error && <ErrorAlert error={answer.error} />}
      {!answer.data && !answer.error && loading}
      {answer.data && answer.data.roles.length === 0 && (
        <EmptyState title="No assumable roles">No role's trust policy, together with this user's policies, allows sts:AssumeRole.</EmptyState>
      )}
      {answer.data && answer.data.roles.length > 0 && (
        <ul aria-label="Assumable roles" className="flex flex-col gap-4">
          {answer.data.roles.map(({ role, crossAccount, statements, grants }) => (
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
      {answer.data && <Conditional items={answer.data.conditional} side="role" />}
    </Card>
  );
}

/** On a role's page: every user and role, in any account, that may assume it, with the reason. */
export function RoleAssumers({ accountId, roleName }: { accountId: string; roleName: string }) {
  const [mfa, setMfa] = useState(false);
  const answer = useRoleAssumers(accountId, roleName, mfa ? MFA : "");
  return (
    <Card title="Who can assume this role">
      <div className="mb-4">
        <MfaToggle on={mfa} onChange={setMfa} />
      </div>
      {answer.error && <ErrorAlert error={answer.error} />}
      {!answer.data && !answer.error && loading}
      {answer.data && answer.data.assumers.length === 0 && (
        <EmptyState title="Nobody in these accounts">
          No user or role here is allowed sts:AssumeRole on this role by both its own policies and the trust policy (services named in the trust policy are not listed).
        </EmptyState>
      )}
      {answer.data && answer.data.assumers.length > 0 && (
        <ul aria-label="Principals that can assume the role" className="flex flex-col gap-4">
          {answer.data.assumers.map((assumer) => (
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
      {answer.data && <Conditional items={answer.data.conditional} side="principal" />}
    </Card>
  );
}
