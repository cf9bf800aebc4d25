/**
 * Human sentences for a decision, made from the structured result after the fact (STYLE.md 9):
 * the engine decides with gates and matched statements; this says it in words.
 */
import type { EvaluationResult, Gate, MatchedStatement, PolicySource } from "./types";

const SOURCE_NAMES: Record<PolicySource, string> = {
  identity: "identity-based policy",
  boundary: "permissions boundary",
  scp: "service control policy",
  rcp: "resource control policy",
  resource: "resource-based policy",
  session: "session policy",
};

/** e.g. `identity-based policy 2, statement 1 ("DenyS3")`, 1-based for people. */
export function describeStatement(statement: MatchedStatement): string {
  const level = statement.level === undefined ? "" : ` at level ${statement.level + 1}`;
  const sid = statement.sid ? ` ("${statement.sid}")` : "";
  return `${SOURCE_NAMES[statement.source]} ${statement.policyIndex + 1}${level}, statement ${statement.statementIndex + 1}${sid}`;
}

const levelText = (level: number | undefined) => (level === undefined ? "" : ` at level ${level + 1}`);

const ALLOWED: Partial<Record<Gate, string>> = {
  alwaysAllowed: "Allowed: sts:GetCallerIdentity needs no permission and cannot be denied.",
  rootUser: "Allowed: the account root user has full access unless something denies it.",
  resourcePolicy: "Allowed: the resource-based policy grants it to the caller directly.",
  crossAccount: "Allowed: both the caller's account (its policies) and the resource's policy allow it.",
  identityPolicy: "Allowed: an identity-based policy allows it and nothing limits or denies it.",
};

const IMPLICIT: Partial<Record<Gate, string>> = {
  resourcePolicy: "Implicitly denied: the resource-based policy does not allow the caller.",
  identityPolicy: "Implicitly denied: no identity-based policy allows it.",
  permissionsBoundary: "Implicitly denied: the permissions boundary does not allow it.",
  sessionPolicy: "Implicitly denied: the session policy does not allow it (or the session has none).",
  rootUser: "Implicitly denied: the account root user cannot assume roles.",
};

/**
 * The sentence for a decision and its gate alone, e.g. for one action of a sweep (which keeps
 * no statements): an explicit deny is then not attributed.
 */
export function describeVerdict(verdict: Pick<EvaluationResult, "decision" | "gate" | "level">): string {
  switch (verdict.decision) {
    case "invalidPolicy":
      return "Invalid policy.";
    case "explicitDeny":
      return "Explicitly denied by a Deny statement.";
    case "allowed":
      return ALLOWED[verdict.gate] ?? "Allowed.";
    case "implicitDeny":
      if (verdict.gate === "scp") return `Implicitly denied: no service control policy${levelText(verdict.level)} allows it.`;
      if (verdict.gate === "rcp") return `Implicitly denied: no resource control policy${levelText(verdict.level)} allows it.`;
      return IMPLICIT[verdict.gate] ?? "Implicitly denied.";
  }
}

export function describeDecision(result: EvaluationResult): string {
  switch (result.decision) {
    case "invalidPolicy": {
      const first = result.errors?.[0];
      const where = first ? ` ${first.document}${first.path ? ` at ${first.path}` : ""}: ${first.message}` : "";
      return `Invalid policy:${where}`;
    }
    case "explicitDeny": {
      const denials = result.explanation.filter((statement) => statement.effect === "Deny").map(describeStatement);
      return `Explicitly denied by ${denials.join("; ")}.`;
    }
    default:
      return describeVerdict(result);
  }
}
