import type { SimulatedStatement, SimulationResult, SimulationRow } from "@/lib/schemas/simulation";

/**
 * The simulator's results as AWS's SimulatePrincipalPolicy returns them (EvaluationResult data
 * type, IAM API Reference), one result per action and resource, so a workshop can compare the
 * console with `aws iam simulate-principal-policy`. AWS lists only the deciding statements: the
 * Deny statements for an explicit deny, the Allow statements for an allow, none otherwise.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html
 */

export interface AwsPosition {
  Line: number;
  Column: number;
}

export interface AwsStatement {
  SourcePolicyId: string;
  SourcePolicyType: string;
  StartPosition: AwsPosition;
  EndPosition: AwsPosition;
}

export interface AwsEvaluationResult {
  EvalActionName: string;
  EvalResourceName: string;
  EvalDecision: "allowed" | "explicitDeny" | "implicitDeny";
  MatchedStatements: AwsStatement[];
  MissingContextValues: string[];
  EvalDecisionDetails?: Record<string, "allowed" | "explicitDeny" | "implicitDeny">;
  OrganizationsDecisionDetail?: { AllowedByOrganizations: boolean };
  PermissionsBoundaryDecisionDetail?: { AllowedByPermissionsBoundary: boolean };
}

function deciding(row: SimulationRow): SimulatedStatement[] {
  if (row.decision === "explicitDeny") return row.matched.filter((statement) => statement.effect === "Deny");
  if (row.decision === "allowed") return row.matched.filter((statement) => statement.effect === "Allow");
  return [];
}

function toStatement(result: SimulationResult, statement: SimulatedStatement): AwsStatement {
  const policy = result.policies[statement.policy];
  const where = policy?.statements[statement.statement] ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  return {
    SourcePolicyId: policy?.id ?? "unknown",
    SourcePolicyType: policy?.awsType ?? "none",
    StartPosition: { Line: where.start.line, Column: where.start.column },
    EndPosition: { Line: where.end.line, Column: where.end.column },
  };
}

/** "Populated for only cross-account simulations … present but empty within one account with a resource ARN; not returned for *." */
function decisionDetails(result: SimulationResult, row: SimulationRow): AwsEvaluationResult["EvalDecisionDetails"] {
  if (row.resource === "*") return undefined;
  if (row.resourceAccount === result.principal.accountId) return {};
  const stateOf = (gate: "identityPolicy" | "resourcePolicy") => row.steps.find((step) => step.gate === gate)?.state;
  const side = (state: string | undefined) => (row.decision === "explicitDeny" ? "explicitDeny" : state === "allowed" ? "allowed" : "implicitDeny");
  return { "IAM Policy": side(stateOf("identityPolicy")), "Resource Policy": side(stateOf("resourcePolicy")) };
}

export function toAwsEvaluationResults(result: SimulationResult): AwsEvaluationResult[] {
  return result.rows.flatMap((row): AwsEvaluationResult[] => {
    if (row.decision === "invalidPolicy") return [];
    const out: AwsEvaluationResult = {
      EvalActionName: row.action,
      EvalResourceName: row.resource,
      EvalDecision: row.decision,
      MatchedStatements: deciding(row).map((statement) => toStatement(result, statement)),
      MissingContextValues: row.missingContextValues,
    };
    const details = decisionDetails(result, row);
    if (details) out.EvalDecisionDetails = details;
    const boundary = row.steps.find((step) => step.gate === "permissionsBoundary");
    if (boundary && boundary.state !== "notApplicable") {
      out.PermissionsBoundaryDecisionDetail = { AllowedByPermissionsBoundary: boundary.state === "allowed" };
    }
    const scp = row.steps.find((step) => step.gate === "scp");
    if (scp && scp.state !== "notApplicable") out.OrganizationsDecisionDetail = { AllowedByOrganizations: scp.state === "allowed" };
    return [out];
  });
}
