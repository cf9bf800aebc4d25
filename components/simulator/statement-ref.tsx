import Link from "next/link";
import { paths } from "@/components/shell/paths";
import { Badge, type BadgeTone } from "@/components/ui/misc";
import type { Decision, Gate } from "@/lib/iam";
import type { SimulatedPolicy, SimulatedStatement } from "@/lib/schemas/simulation";

const DECISIONS: Record<Decision, { label: string; tone: BadgeTone }> = {
  allowed: { label: "Allowed", tone: "success" },
  explicitDeny: { label: "Explicit deny", tone: "danger" },
  implicitDeny: { label: "Implicit deny", tone: "warn" },
  invalidPolicy: { label: "Invalid policy", tone: "danger" },
};

export function DecisionBadge({ decision }: { decision: Decision }) {
  return <Badge tone={DECISIONS[decision].tone}>{DECISIONS[decision].label}</Badge>;
}

export const GATE_NAMES: Record<Gate, string> = {
  invalidPolicy: "Policy validation",
  alwaysAllowed: "Always allowed",
  explicitDeny: "Explicit deny",
  scp: "Service control policies",
  rcp: "Resource control policies",
  resourcePolicy: "Resource-based policy",
  crossAccount: "Cross-account (both sides)",
  identityPolicy: "Identity-based policies",
  permissionsBoundary: "Permissions boundary",
  sessionPolicy: "Session policy",
  rootUser: "Account root user",
};

/** The console page of a policy, or of the user, group or role an inline policy is in. */
export function policyHref(policy: SimulatedPolicy): string | null {
  const link = policy.link;
  if (!link) return null;
  switch (link.kind) {
    case "policy":
      return paths.policy(link.accountId, link.name);
    case "user":
      return paths.user(link.accountId, link.name);
    case "group":
      return paths.group(link.accountId, link.name);
    case "role":
      return paths.role(link.accountId, link.name);
  }
}

/** "MyBucketReadOnly, statement 1 (ReadMyBucket)": links to the policy, and to the text below. */
export function StatementRef({ policies, statement, onShow }: { policies: SimulatedPolicy[]; statement: SimulatedStatement; onShow?: (statement: SimulatedStatement) => void }) {
  const policy = policies[statement.policy];
  if (!policy) return null;
  const href = policyHref(policy);
  const where = `statement ${statement.statement + 1}${statement.sid ? ` (${statement.sid})` : ""}`;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5">
      <Badge tone={statement.effect === "Deny" ? "danger" : "success"}>{statement.effect}</Badge>
      {href ? (
        <Link href={href} className="font-semibold text-brand underline-offset-4 hover:underline">
          {policy.name}
        </Link>
      ) : (
        <span className="font-semibold">{policy.name}</span>
      )}
      {policy.viaGroup && <span className="text-muted">via group {policy.viaGroup}</span>}
      {onShow ? (
        <button type="button" className="text-brand underline underline-offset-4" onClick={() => onShow(statement)}>
          {where}
        </button>
      ) : (
        <span>{where}</span>
      )}
    </span>
  );
}
