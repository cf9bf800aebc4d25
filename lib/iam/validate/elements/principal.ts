import { describe, isRecord, stringList, type IssueList } from "../issues";
import type { PathSegment } from "../path";

const PRINCIPAL_TYPES = ["AWS", "Service", "Federated", "CanonicalUser"] as const;

/**
 * An AWS principal is "*", a 12-digit account id, an ARN, or the unique id IAM leaves behind
 * when the named user or role is deleted. Wildcards inside a principal ARN are not allowed
 * (use "*" with a condition on aws:PrincipalArn):
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
function awsPrincipalProblem(value: string): string | undefined {
  if (value === "*" || /^\d{12}$/.test(value) || /^A(IDA|ROA)[A-Z0-9]+$/.test(value)) return undefined;
  if (!value.startsWith("arn:") || value.split(":").length < 6) {
    return "must be \"*\", a 12-digit account id or an ARN";
  }
  if (/[*?]/.test(value)) return "must not use wildcards inside an ARN (use \"*\" with a condition on aws:PrincipalArn)";
  return undefined;
}

/** Service, Federated and CanonicalUser values name a service, an identity provider or an S3 owner. */
function otherPrincipalProblem(value: string): string | undefined {
  return value.trim() === "" ? "must not be empty" : undefined;
}

/**
 * Checks a Principal or NotPrincipal value: "*" or an object whose keys are principal types.
 * With `wildcardOnly` (RCPs) only "*" is accepted.
 */
export function checkPrincipal(
  value: unknown,
  path: readonly PathSegment[],
  where: string,
  element: "Principal" | "NotPrincipal",
  wildcardOnly: boolean,
  issues: IssueList,
): void {
  const subject = `${where}: ${element}`;
  if (wildcardOnly) {
    if (value !== "*") issues.add("InvalidPrincipal", path, `${subject} must be "*" in a resource control policy; narrow it with conditions.`);
    return;
  }
  if (value === "*") return;
  if (!isRecord(value)) {
    issues.add("InvalidPrincipal", path, `${subject} must be "*" or an object such as {"AWS": "123456789012"}, not ${describe(value)}.`);
    return;
  }
  const types = Object.keys(value);
  if (types.length === 0) {
    issues.add("InvalidPrincipal", path, `${subject} must name at least one principal.`);
    return;
  }
  for (const type of types) {
    const typePath = [...path, type];
    if (!(PRINCIPAL_TYPES as readonly string[]).includes(type)) {
      issues.add(
        "InvalidPrincipal",
        typePath,
        `${subject} has unknown principal type ${JSON.stringify(type)}; expected AWS, Service, Federated or CanonicalUser.`,
        "property",
      );
      continue;
    }
    for (const item of stringList(value[type], typePath, `${subject}.${type}`, issues)) {
      const problem = type === "AWS" ? awsPrincipalProblem(item.value) : otherPrincipalProblem(item.value);
      if (problem) issues.add("InvalidPrincipal", item.path, `${subject}.${type} ${JSON.stringify(item.value)} ${problem}.`);
    }
  }
}
