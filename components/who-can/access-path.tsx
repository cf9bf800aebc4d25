import Link from "next/link";
import { paths } from "@/components/shell/paths";
import { Badge } from "@/components/ui/misc";
import { arnAccount } from "@/lib/arn";
import type { AccessPath, PathStatement, PolicyRef } from "@/lib/schemas/who-can";

/** The page of a policy (managed) or of the user, group or role holding it (inline, trust). */
function policyHref(policy: PolicyRef, accountId: string): string | null {
  if (policy.owner) {
    const { kind, accountId: owner, name } = policy.owner;
    return kind === "user" ? paths.user(owner, name) : kind === "group" ? paths.group(owner, name) : paths.role(owner, name);
  }
  const home = (policy.arn ? arnAccount(policy.arn) : null) ?? accountId;
  return paths.policy(home, policy.name);
}

const KIND_WORDS: Record<PolicyRef["kind"], string> = { managed: "managed", inline: "inline", boundary: "boundary", trust: "trust policy" };

export function PathStatementRef({ statement, accountId }: { statement: PathStatement; accountId: string }) {
  const href = policyHref(statement.policy, accountId);
  const name = statement.policy.kind === "trust" && statement.policy.owner ? `Trust policy of ${statement.policy.owner.name}` : statement.policy.name;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5">
      {href ? (
        <Link href={href} className="font-semibold text-brand underline-offset-4 hover:underline">
          {name}
        </Link>
      ) : (
        <span className="font-semibold">{name}</span>
      )}
      <span className="text-muted">
        ({KIND_WORDS[statement.policy.kind]}), statement {statement.statement + 1}
        {statement.sid ? ` "${statement.sid}"` : ""}
      </span>
    </span>
  );
}

function pathLabel(path: AccessPath): string {
  switch (path.via) {
    case "direct":
      return "Its own policies";
    case "group":
      return `Via group ${path.group}`;
    case "resourcePolicy":
      return "Named by the resource-based policy";
    case "root":
      return "Account root user";
    case "role":
      return path.chain.length > 1 ? `Via roles ${path.chain.map((role) => role.name).join(" → ")}` : `Via role ${path.role?.name ?? ""}`;
  }
}

export function AccessPathView({ path, accountId }: { path: AccessPath; accountId: string }) {
  return (
    <div>
      <Badge tone={path.via === "role" ? "brand" : path.via === "root" ? "aws" : "neutral"}>{pathLabel(path)}</Badge>
      {(path.chain.length > 0 ? path.chain : path.role ? [path.role] : []).map((role, i) => (
        <span key={role.arn}>
          {i > 0 && (
            <span aria-label="then" className="ml-2 text-muted">
              →
            </span>
          )}
          <Link href={paths.role(role.accountId, role.name)} className="ml-2 font-mono text-sm text-brand underline-offset-4 hover:underline">
            {role.arn}
          </Link>
        </span>
      ))}
      {path.via === "root" && <span className="ml-2 text-muted">Not limited by identity-based policies in its own account.</span>}
      {path.statements.length > 0 && (
        <ul className="mt-1 flex flex-col gap-0.5 pl-4">
          {path.statements.map((statement, i) => (
            <li key={i}>
              <PathStatementRef statement={statement} accountId={accountId} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
