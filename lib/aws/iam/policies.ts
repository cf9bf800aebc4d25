import "server-only";
import { z } from "@/lib/schemas/zod";
import { customerPolicyArn } from "@/lib/arn";
import { op, requestTagContext } from "@/lib/api/operations";
import { createPolicy } from "@/lib/data/create-policy";
import { deletePolicy } from "@/lib/data/delete-policy";
import { getPolicyByArn } from "@/lib/data/policy-by-arn";
import { listPolicyRows, policyRowKey } from "@/lib/data/list-policy-rows";
import { createPolicyInput, POLICY_SCOPES, POLICY_USAGES } from "@/lib/schemas/policy";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { awsBoolean, awsTags, pagingFields, pathPrefix } from "@/lib/aws/inputs";
import { page, paging } from "@/lib/aws/paging";
import { customerPolicyName, onPolicyArn, policyArnOnly, policyOut } from "@/lib/aws/iam/policy-shared";
import { policyVersionOperations } from "@/lib/aws/iam/policy-versions";
import { policyTagOperations } from "@/lib/aws/iam/policy-tags";

/**
 * IAM's managed policy operations (IAM API Reference: CreatePolicy, GetPolicy, DeletePolicy,
 * ListPolicies; versions in policy-versions.ts, tags and entities in policy-tags.ts), each
 * authorized as the console's policies routes authorize the same call
 * (app/api/v1/accounts/[accountId]/policies/…) and done by the same lib/data function.
 */

const { policyName, path, description, policyDocument } = createPolicyInput.shape;

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html
const createPolicyOperation = awsOperation({
  service: "iam",
  action: "CreatePolicy",
  input: z.object({ PolicyName: policyName, Path: path, PolicyDocument: policyDocument, Description: description, Tags: awsTags.optional() }),
  // As the console's POST …/policies: on the new policy's ARN, with the tags it sets.
  authorize: (input, caller) =>
    op(accountOf(caller), "iam:CreatePolicy", customerPolicyArn(accountOf(caller), input.Path, input.PolicyName), requestTagContext(input.Tags)),
  run: async (input, caller) => {
    const policy = await createPolicy(accountOf(caller), {
      policyName: input.PolicyName,
      path: input.Path,
      policyDocument: input.PolicyDocument,
      description: input.Description,
      tags: input.Tags ?? [],
    });
    return { Policy: policyOut(policy, 0) };
  },
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetPolicy.html
const getPolicyOperation = awsOperation({
  service: "iam",
  action: "GetPolicy",
  readOnly: true,
  input: policyArnOnly,
  authorize: (input, caller) => onPolicyArn(caller, input.PolicyArn, "iam:GetPolicy"),
  run: async (input, caller) => {
    const { policy, boundaryUsageCount } = await getPolicyByArn(accountOf(caller), input.PolicyArn);
    return { Policy: policyOut(policy, boundaryUsageCount) };
  },
});

/**
 * DeleteConflict while the policy is attached, a permissions boundary, or has versions besides the
 * default, as AWS refuses (the console's delete without force).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeletePolicy.html
 */
const deletePolicyOperation = awsOperation({
  service: "iam",
  action: "DeletePolicy",
  input: policyArnOnly,
  authorize: (input, caller) => onPolicyArn(caller, input.PolicyArn, "iam:DeletePolicy"),
  run: async (input, caller) => {
    await deletePolicy(accountOf(caller), await customerPolicyName(caller, input.PolicyArn), { force: false });
    return null;
  },
});

/**
 * Paged in the database (lib/data/list-policy-rows.ts): Scope=AWS alone is ~1,400 rows. Like
 * AWS's listing operations it answers a subset of the Policy type: no Description, no Tags.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListPolicies.html
 */
const listPoliciesOperation = awsOperation({
  service: "iam",
  action: "ListPolicies",
  readOnly: true,
  input: z.object({
    Scope: z.enum(POLICY_SCOPES, "Scope must be All, AWS or Local.").default("All"),
    OnlyAttached: awsBoolean.default(false),
    PathPrefix: pathPrefix,
    PolicyUsageFilter: z.enum(POLICY_USAGES, "PolicyUsageFilter must be PermissionsPolicy or PermissionsBoundary.").optional(),
    ...pagingFields,
  }),
  // As the console's GET …/policies: ListPolicies has no resource type, "*".
  authorize: (_input, caller) => op(accountOf(caller), "iam:ListPolicies", "*"),
  run: async (input, caller) => {
    const paged = paging(input);
    const rows = await listPolicyRows(accountOf(caller), {
      scope: input.Scope,
      onlyAttached: input.OnlyAttached,
      usage: input.PolicyUsageFilter,
      pathPrefix: input.PathPrefix,
      after: paged.after,
      take: paged.take + 1,
    });
    const { items, IsTruncated, Marker } = page(rows, paged, policyRowKey);
    return {
      Policies: items.map((row) => ({
        PolicyName: row.name,
        PolicyId: row.id,
        Arn: row.arn,
        Path: row.path,
        DefaultVersionId: row.defaultVersionId,
        AttachmentCount: row.attachmentCount,
        PermissionsBoundaryUsageCount: row.boundaryUsageCount,
        IsAttachable: true,
        CreateDate: row.createdAt,
        UpdateDate: row.updatedAt,
      })),
      IsTruncated,
      Marker,
    };
  },
});

export const policyOperations: SomeAwsOperation[] = [
  createPolicyOperation,
  getPolicyOperation,
  deletePolicyOperation,
  listPoliciesOperation,
  ...policyVersionOperations,
  ...policyTagOperations,
];
