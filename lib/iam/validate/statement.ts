import { checkActions } from "./elements/action";
import { checkCondition } from "./elements/condition";
import { checkPrincipal } from "./elements/principal";
import { checkResources } from "./elements/resource";
import { describe, has, label, presentKeys, type IssueList } from "./issues";
import type { KindRules } from "./kinds";
import type { PathSegment } from "./path";

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
const STATEMENT_ELEMENTS = [
  "Sid",
  "Effect",
  "Principal",
  "NotPrincipal",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Condition",
] as const;

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
const STRICT_SID = /^[A-Za-z0-9]*$/;

function checkUnknownElements(statement: Record<string, unknown>, path: readonly PathSegment[], where: string, issues: IssueList): void {
  for (const key of presentKeys(statement)) {
    if ((STATEMENT_ELEMENTS as readonly string[]).includes(key)) continue;
    const known = STATEMENT_ELEMENTS.find((element) => element.toLowerCase() === key.toLowerCase());
    const hint = known ? ` Did you mean "${known}"? Element names are case-sensitive.` : "";
    issues.add("UnknownElement", [...path, key], `${where}: unknown element ${JSON.stringify(key)}.${hint}`, "property");
  }
}

function checkEffect(statement: Record<string, unknown>, path: readonly PathSegment[], where: string, issues: IssueList): void {
  if (!has(statement, "Effect")) {
    issues.add("MissingEffect", [...path, "Effect"], `${where}: Effect is required ("Allow" or "Deny").`);
  } else if (statement.Effect !== "Allow" && statement.Effect !== "Deny") {
    issues.add("InvalidEffect", [...path, "Effect"], `${where}: Effect must be "Allow" or "Deny", not ${describe(statement.Effect)}.`);
  }
}

function checkActionElements(statement: Record<string, unknown>, path: readonly PathSegment[], where: string, rules: KindRules, issues: IssueList): void {
  const hasAction = has(statement, "Action");
  const hasNotAction = has(statement, "NotAction");
  if (!hasAction && !hasNotAction) {
    issues.add("MissingAction", [...path, "Action"], `${where}: Action or NotAction is required.`);
  }
  if (hasAction && hasNotAction) {
    issues.add("ActionAndNotAction", [...path, "NotAction"], `${where}: use either Action or NotAction, not both.`, "property");
  }
  if (hasNotAction && !rules.notAction) {
    issues.add("NotActionNotAllowed", [...path, "NotAction"], `${where}: NotAction is not supported in ${rules.name}.`, "property");
  }
  if (hasAction) checkActions(statement.Action, [...path, "Action"], where, "Action", issues);
  if (hasNotAction) checkActions(statement.NotAction, [...path, "NotAction"], where, "NotAction", issues);
}

function checkResourceElements(statement: Record<string, unknown>, path: readonly PathSegment[], where: string, rules: KindRules, issues: IssueList): void {
  const present = (["Resource", "NotResource"] as const).filter((element) => has(statement, element));
  if (rules.resource === "forbidden") {
    for (const element of present) {
      issues.add("ResourceNotAllowed", [...path, element], `${where}: ${element} is not allowed in ${rules.name}.`, "property");
    }
    return;
  }
  if (present.length === 0) {
    issues.add("MissingResource", [...path, "Resource"], `${where}: Resource or NotResource is required in ${rules.name}.`);
  }
  if (present.length === 2) {
    issues.add("ResourceAndNotResource", [...path, "NotResource"], `${where}: use either Resource or NotResource, not both.`, "property");
  }
  for (const element of present) checkResources(statement[element], [...path, element], where, element, issues);
}

function checkPrincipalElements(statement: Record<string, unknown>, path: readonly PathSegment[], where: string, rules: KindRules, issues: IssueList): void {
  const present = (["Principal", "NotPrincipal"] as const).filter((element) => has(statement, element));
  if (rules.principal === "forbidden") {
    // IAM's own words: "Policy document should not specify a principal."
    for (const element of present) {
      issues.add("PrincipalNotAllowed", [...path, element], `${where}: ${element} is not allowed in ${rules.name}; it applies to the identity it is attached to.`, "property");
    }
    return;
  }
  if (present.length === 0) {
    issues.add("MissingPrincipal", [...path, "Principal"], `${where}: Principal is required in ${rules.name}.`);
  }
  if (present.length === 2) {
    issues.add("PrincipalAndNotPrincipal", [...path, "NotPrincipal"], `${where}: use either Principal or NotPrincipal, not both.`, "property");
  }
  if (has(statement, "NotPrincipal")) {
    if (!rules.notPrincipal) {
      issues.add("NotPrincipalNotAllowed", [...path, "NotPrincipal"], `${where}: NotPrincipal is not allowed in ${rules.name}.`, "property");
    } else if (statement.Effect === "Allow") {
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
      issues.add("NotPrincipalNotAllowed", [...path, "NotPrincipal"], `${where}: NotPrincipal can only be used with "Effect": "Deny".`, "property");
    }
  }
  for (const element of present) {
    if (element === "NotPrincipal" && !rules.notPrincipal) continue;
    checkPrincipal(statement[element], [...path, element], where, element, rules.principalWildcardOnly, issues);
  }
}

const isWildcard = (value: unknown): boolean => value === "*" || (Array.isArray(value) && value.length === 1 && value[0] === "*");

/** RCPs allow "Allow" only in the shape of RCPFullAWSAccess: everyone, every action, everything. */
function checkRcpAllow(statement: Record<string, unknown>, path: readonly PathSegment[], where: string, rules: KindRules, issues: IssueList): void {
  if (!rules.allowOnlyFullAccess || statement.Effect !== "Allow") return;
  const fullAccess = statement.Principal === "*" && isWildcard(statement.Action) && isWildcard(statement.Resource) && !has(statement, "Condition");
  if (fullAccess) return;
  issues.add(
    "EffectNotSupported",
    [...path, "Effect"],
    `${where}: "Allow" is supported in ${rules.name} only as RCPFullAWSAccess (Principal, Action and Resource all "*", no Condition); use "Deny".`,
  );
}

/** Checks one statement object against the grammar and the rules of its policy kind. */
export function checkStatement(statement: Record<string, unknown>, path: readonly PathSegment[], rules: KindRules, issues: IssueList): void {
  const where = label(path);
  checkUnknownElements(statement, path, where, issues);
  if (has(statement, "Sid")) {
    const sid = statement.Sid;
    if (typeof sid !== "string") {
      issues.add("WrongType", [...path, "Sid"], `${where}: Sid must be a string, not ${describe(sid)}.`);
    } else if (rules.strictSid && !STRICT_SID.test(sid)) {
      issues.add("InvalidSid", [...path, "Sid"], `${where}: Sid ${JSON.stringify(sid)} may contain only letters A-Z, a-z and digits 0-9.`);
    }
  }
  checkEffect(statement, path, where, issues);
  checkActionElements(statement, path, where, rules, issues);
  checkResourceElements(statement, path, where, rules, issues);
  checkPrincipalElements(statement, path, where, rules, issues);
  if (has(statement, "Condition")) checkCondition(statement.Condition, [...path, "Condition"], where, issues);
  checkRcpAllow(statement, path, where, rules, issues);
}
