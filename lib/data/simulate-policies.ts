import { arnAccount } from "@/lib/arn";
import { isRecord, parsePolicyText, type PolicyDocument, type PolicySource } from "@/lib/iam";
import type { SourcePolicy } from "@/lib/schemas/access";
import type { AwsSourcePolicyType, SimulatedPolicy } from "@/lib/schemas/simulation";

/**
 * The documents of a simulation as the results name them: AWS's SourcePolicyId and
 * SourcePolicyType, a link to the console page behind each, and the text with every statement's
 * start and end, so a matched statement can be shown where it is written.
 */

/** Stored documents are shown pretty-printed; pasted ones exactly as typed. */
export function documentText(document: PolicyDocument): string {
  return typeof document === "string" ? document : JSON.stringify(document, null, 2);
}

/** Where each statement is in `text` (Statement may be one object or an array). */
function statementPositions(text: string): SimulatedPolicy["statements"] {
  const parsed = parsePolicyText(text);
  if (!isRecord(parsed.value)) return [];
  const statement = parsed.value.Statement;
  const paths = Array.isArray(statement) ? statement.map((_, i) => `Statement[${i}]`) : isRecord(statement) ? ["Statement"] : [];
  return paths.map((path) => {
    const range = parsed.locate(path);
    return range
      ? { start: { line: range.startLine, column: range.startColumn }, end: { line: range.endLine, column: range.endColumn } }
      : { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  });
}

type PolicyFields = Omit<SimulatedPolicy, "text" | "statements">;

export function simulatedPolicy(fields: PolicyFields, document: PolicyDocument): SimulatedPolicy {
  const text = documentText(document);
  return { ...fields, text, statements: statementPositions(text) };
}

function managedType(source: SourcePolicy): AwsSourcePolicyType {
  return source.awsManaged ? "aws-managed" : "user-managed";
}

/** A policy stored in the console (attached, inline or the boundary) of a principal in `accountId`. */
export function storedPolicy(source: SourcePolicy, document: PolicyDocument, accountId: string): SimulatedPolicy {
  const kind: PolicySource = source.kind === "boundary" ? "boundary" : "identity";
  if (source.kind === "inline" && source.owner) {
    return simulatedPolicy(
      {
        id: source.name,
        source: kind,
        awsType: source.owner.kind,
        name: source.name,
        arn: null,
        link: { accountId, kind: source.owner.kind, name: source.owner.name },
        viaGroup: source.viaGroup,
      },
      document,
    );
  }
  // AWS managed policies have a page in every account; a customer policy lives in its own.
  const home = source.arn ? (arnAccount(source.arn) ?? accountId) : accountId;
  return simulatedPolicy(
    {
      id: source.name,
      source: kind,
      awsType: managedType(source),
      name: source.name,
      arn: source.arn,
      link: { accountId: home, kind: "policy", name: source.name },
      viaGroup: source.viaGroup,
    },
    document,
  );
}

/** A pasted or otherwise unstored document: a sandbox policy, a session or resource policy. */
export function pastedPolicy(source: PolicySource, name: string, text: string): SimulatedPolicy {
  const awsType: AwsSourcePolicyType = source === "resource" ? "resource" : "none";
  return simulatedPolicy({ id: name, source, awsType, name, arn: null, link: null, viaGroup: null }, text);
}

/** A role's trust policy, the resource-based policy of sts:AssumeRole on the role. */
export function trustPolicy(role: { accountId: string; name: string }, text: string): SimulatedPolicy {
  return simulatedPolicy(
    {
      id: `${role.name} trust policy`,
      source: "resource",
      awsType: "resource",
      name: `Trust policy of ${role.name}`,
      arn: null,
      link: { accountId: role.accountId, kind: "role", name: role.name },
      viaGroup: null,
    },
    text,
  );
}
