import { DOCS } from "../docs";
import { hasWildcard, intersects } from "../glob";
import { where, type Item, type LintContext, type StatementView } from "../context";
import { policyGlob, splitArn, type ArnParts } from "../lint-index";

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html (plus the isolated ones)
const PARTITIONS = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"];
// us-east-1, us-gov-west-1, eu-isoe-west-1, ap-southeast-5 …
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
// Account ids are 12 digits; AWS-owned resources (managed policies) use "aws".
const ACCOUNT = /^(\d{12}|aws)$/;

/** A field the linter can judge: present, and no wildcard (variables have become wildcards). */
const literal = (field: string) => field !== "" && !hasWildcard(field);

interface ArnCheck {
  item: Item;
  element: string;
  parts: ArnParts;
  statement: StatementView;
}

function report(check: ArnCheck, context: LintContext, code: string, severity: "error" | "warning", message: string): void {
  context.report({ code, severity, path: check.item.path, message: `${where(check.statement)}: ${check.element} ${JSON.stringify(check.item.value)}: ${message}`, docUrl: DOCS.arn });
}

/** The service's resource ARN shapes this ARN's resource part could be. */
function candidateShapes(parts: ArnParts, context: LintContext): readonly ArnParts[] {
  const shapes = context.index.arnShapes(parts.service) ?? [];
  return shapes.filter((shape) => intersects(parts.resource, shape.resource));
}

function checkService(check: ArnCheck, context: LintContext): boolean {
  const service = check.parts.service;
  if (!literal(service)) return true;
  const known = (name: string) => context.index.arnShapes(name) !== undefined || context.catalog.service(name) !== undefined;
  if (service !== service.toLowerCase() && known(service.toLowerCase())) {
    report(check, context, "InvalidArnServiceCase", "error", `the service in an ARN is lower case; write "${service.toLowerCase()}".`);
    return false;
  }
  if (known(service)) return true;
  const guess = context.index.suggestService(service, "arns");
  report(check, context, "UnknownArnService", "warning", `no AWS service uses "${service}" in its ARNs.${guess ? ` Did you mean "${guess}"?` : ""}`);
  return false;
}

function checkRegionAndAccount(check: ArnCheck, context: LintContext): void {
  const { region, account } = check.parts;
  const shapes = candidateShapes(check.parts, context);
  const service = check.parts.service;
  if (shapes.length > 0 && literal(region) && shapes.every((shape) => shape.region === "")) {
    report(check, context, "ArnRegionNotAllowed", "error", `${service} ARNs of this kind have no Region; leave the fourth field empty.`);
  } else if (literal(region) && !REGION.test(region)) {
    report(check, context, "InvalidArnRegion", "error", `"${region}" is not a Region code such as "us-east-1".`);
  }
  if (shapes.length > 0 && literal(account) && shapes.every((shape) => shape.account === "")) {
    report(check, context, "ArnAccountNotAllowed", "error", `${service} ARNs of this kind have no account id; leave the fifth field empty.`);
  } else if (literal(account) && !ACCOUNT.test(account)) {
    report(check, context, "InvalidArnAccount", "error", `"${account}" is not a 12-digit account id.`);
  }
  // An empty Region or account where the pattern has one is not flagged: AWS's own policies
  // name public resources that way ("arn:aws:ssm:*::parameter/aws/service/…").
}

/** ARN fields the grammar accepts but no AWS resource has (wrong partition, Region, account, service). */
export function checkArns(statement: StatementView, context: LintContext): void {
  for (const [element, items] of [
    ["Resource", statement.resource],
    ["NotResource", statement.notResource],
  ] as const) {
    for (const item of items ?? []) {
      // Variables may hold colons (${aws:username}): read them as wildcards before splitting.
      const parts = splitArn(policyGlob(item.value));
      if (!parts) continue;
      const check = { item, element, parts, statement };
      if (literal(parts.partition) && !PARTITIONS.includes(parts.partition)) {
        report(check, context, "InvalidArnPartition", "error", `"${parts.partition}" is not a partition; use "aws" (or "aws-cn", "aws-us-gov").`);
      }
      if (checkService(check, context)) checkRegionAndAccount(check, context);
    }
  }
}
