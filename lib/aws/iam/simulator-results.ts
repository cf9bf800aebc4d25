import { toAwsEvaluationResults, type AwsEvaluationResult, type AwsStatement } from "@/lib/schemas/simulation-aws";
import type { SimulationResult } from "@/lib/schemas/simulation";
import { XmlEntries, type XmlValue } from "@/lib/aws/xml";

/**
 * The simulator's rows as SimulatePrincipalPolicy's and SimulateCustomPolicy's EvaluationResults
 * (lib/schemas/simulation-aws.ts maps each row; this file writes them in AWS's order and shape):
 * one result per action and resource, actions in the order asked, each action on every resource.
 * For a resource ARN the details are also under ResourceSpecificResults, where AWS puts the
 * missing context values: "This list is used when the resource in a simulation is "*" … If you
 * include a list of resources, then any missing context values are instead included under the
 * ResourceSpecificResults section."
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ResourceSpecificResult.html
 */

/** The rows action by action (the simulator runs resource by resource). */
export function actionMajor(result: SimulationResult, actionCount: number): SimulationResult {
  const resourceCount = actionCount === 0 ? 0 : result.rows.length / actionCount;
  if (!Number.isInteger(resourceCount)) return result;
  const rows = [];
  for (let action = 0; action < actionCount; action++) for (let resource = 0; resource < resourceCount; resource++) rows.push(result.rows[resource * actionCount + action]);
  return { ...result, rows };
}

const statementsOut = (statements: readonly AwsStatement[]): XmlValue[] =>
  statements.map((statement) => ({
    SourcePolicyId: statement.SourcePolicyId,
    SourcePolicyType: statement.SourcePolicyType,
    StartPosition: { Line: statement.StartPosition.Line, Column: statement.StartPosition.Column },
    EndPosition: { Line: statement.EndPosition.Line, Column: statement.EndPosition.Column },
  }));

function resultOut(result: AwsEvaluationResult): { [key: string]: XmlValue } {
  const details = result.EvalDecisionDetails ? new XmlEntries(result.EvalDecisionDetails) : undefined;
  const boundary = result.PermissionsBoundaryDecisionDetail ? { AllowedByPermissionsBoundary: result.PermissionsBoundaryDecisionDetail.AllowedByPermissionsBoundary } : undefined;
  const organizations = result.OrganizationsDecisionDetail ? { AllowedByOrganizations: result.OrganizationsDecisionDetail.AllowedByOrganizations } : undefined;
  const matched = statementsOut(result.MatchedStatements);
  const out: { [key: string]: XmlValue } = {
    EvalActionName: result.EvalActionName,
    EvalResourceName: result.EvalResourceName,
    EvalDecision: result.EvalDecision,
    MatchedStatements: matched,
    MissingContextValues: result.EvalResourceName === "*" ? [...result.MissingContextValues] : [],
    OrganizationsDecisionDetail: organizations,
    PermissionsBoundaryDecisionDetail: boundary,
    EvalDecisionDetails: details,
  };
  if (result.EvalResourceName !== "*") {
    out.ResourceSpecificResults = [
      {
        EvalResourceName: result.EvalResourceName,
        EvalResourceDecision: result.EvalDecision,
        MatchedStatements: matched,
        MissingContextValues: [...result.MissingContextValues],
        EvalDecisionDetails: details,
        PermissionsBoundaryDecisionDetail: boundary,
      },
    ];
  }
  return out;
}

/** Every EvaluationResult of the simulation, in AWS's order and shape. */
export function evaluationResults(result: SimulationResult, actionCount: number): { [key: string]: XmlValue }[] {
  return toAwsEvaluationResults(actionMajor(result, actionCount)).map(resultOut);
}
