/** The IAM User Guide pages findings link to (shown as links, never fetched). */
const GUIDE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/";

export const DOCS = {
  accessAnalyzerChecks: `${GUIDE}access-analyzer-reference-policy-checks.html`,
  action: `${GUIDE}reference_policies_elements_action.html`,
  arn: `${GUIDE}reference-arns.html`,
  bestPractices: `${GUIDE}best-practices.html#grant-least-privilege`,
  condition: `${GUIDE}reference_policies_elements_condition.html`,
  conditionKeys: `${GUIDE}reference_policies_condition-keys.html`,
  conditionOperators: `${GUIDE}reference_policies_elements_condition_operators.html`,
  multiValued: `${GUIDE}reference_policies_condition-single-vs-multi-valued-context-keys.html`,
  notAction: `${GUIDE}reference_policies_elements_notaction.html`,
  notResource: `${GUIDE}reference_policies_elements_notresource.html`,
  passRole: `${GUIDE}id_roles_use_passrole.html`,
  principal: `${GUIDE}reference_policies_elements_principal.html`,
  quotas: `${GUIDE}reference_iam-quotas.html`,
  resource: `${GUIDE}reference_policies_elements_resource.html`,
  variables: `${GUIDE}reference_policies_variables.html`,
  version: `${GUIDE}reference_policies_elements_version.html`,
} as const;
