import type { PolicyKind } from "../../validate";
import { DOCS } from "../docs";
import { actionMatcher } from "../glob";
import { isRecord, where, type LintContext, type StatementView } from "../context";

// Only these kinds grant access. SCPs, RCPs, boundaries and session policies only limit it, so
// "Allow * on *" there is the normal FullAWSAccess shape, not a grant.
const GRANTING: readonly PolicyKind[] = ["identity", "resource"];

const PASS_ROLE = "iam:PassRole";

function checkFullAccess(statement: StatementView, context: LintContext): void {
  const action = statement.action?.find((item) => item.value === "*");
  if (!action || !statement.resource?.some((item) => item.value === "*")) return;
  context.report({
    code: "FullAdministratorAccess",
    severity: "security",
    path: action.path,
    message: `${where(statement)}: "Allow" of every action ("*") on every resource ("*") grants full administrator access; grant only the actions and resources needed.`,
    docUrl: DOCS.bestPractices,
  });
}

/**
 * iam:PassRole on "*" lets the holder hand any role (an administrator's too) to a service,
 * and so act with that role's permissions.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 */
function checkPassRole(statement: StatementView, context: LintContext): void {
  if (!statement.resource?.some((item) => item.value === "*")) return;
  // "*" alone is reported as full administrator access.
  const action = statement.action?.find((item) => item.value !== "*" && actionMatcher(item.value)(PASS_ROLE));
  if (!action) return;
  context.report({
    code: "PassRoleWithStarInResource",
    severity: "security",
    path: action.path,
    message: `${where(statement)}: ${JSON.stringify(action.value)} allows iam:PassRole on "Resource": "*", so any role can be passed to a service; list the role ARNs that may be passed instead.`,
    docUrl: DOCS.passRole,
  });
}

function checkNotResource(statement: StatementView, context: LintContext): void {
  if (!statement.notResource) return;
  context.report({
    code: "AllowWithNotResource",
    severity: "security",
    path: [...statement.path, "NotResource"],
    span: "property",
    message: `${where(statement)}: "Allow" with NotResource allows every resource not listed, including ones created later; list the allowed resources in Resource instead.`,
    docUrl: DOCS.notResource,
  });
}

/**
 * "Allow" with NotAction allows every action not listed, in every service, including actions
 * AWS adds later; Access Analyzer's security warning "Allow with NotAction".
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 */
function checkNotAction(statement: StatementView, context: LintContext): void {
  if (!statement.notAction) return;
  context.report({
    code: "AllowWithNotAction",
    severity: "security",
    path: [...statement.path, "NotAction"],
    span: "property",
    message: `${where(statement)}: "Allow" with NotAction allows every action not listed, in every service, including actions added later; list the allowed actions in Action instead, or use NotAction only in a Deny.`,
    docUrl: DOCS.notAction,
  });
}

const isEveryone = (principal: unknown): boolean => {
  if (principal === "*") return true;
  if (!isRecord(principal)) return false;
  const aws = principal.AWS;
  return aws === "*" || (Array.isArray(aws) && aws.includes("*"));
};

/** A trust policy that lets any AWS principal assume the role, with nothing narrowing it. */
function checkTrustEveryone(statement: StatementView, context: LintContext): void {
  if (!isEveryone(statement.raw.Principal)) return;
  if (statement.condition && Object.keys(statement.condition).length > 0) return;
  context.report({
    code: "TrustPolicyAllowsEveryone",
    severity: "security",
    path: [...statement.path, "Principal"],
    message: `${where(statement)}: this trust policy lets any AWS principal, in any account, assume the role; name the trusted accounts or roles, or add a Condition such as aws:PrincipalOrgID.`,
    docUrl: DOCS.principal,
  });
}

/** The security warnings: statements that grant far more than they appear to. */
export function checkGrants(statement: StatementView, context: LintContext): void {
  if (statement.effect !== "Allow") return;
  if (context.kind === "trust") checkTrustEveryone(statement, context);
  if (!GRANTING.includes(context.kind)) return;
  checkFullAccess(statement, context);
  checkPassRole(statement, context);
  checkNotResource(statement, context);
  checkNotAction(statement, context);
}
