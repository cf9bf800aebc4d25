import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { op, requestTagContext } from "@/lib/api/operations";
import { customerPolicyArn } from "@/lib/arn";
import { createPolicy } from "@/lib/data/create-policy";
import { listPolicies } from "@/lib/data/list-policies";
import { createPolicyInput, listPoliciesQuery } from "@/lib/schemas/policy";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId"));

// ListPolicies has no resource type: "*".
export const GET = route(async ({ params, query }) => listPolicies(params.accountId, query), {
  query: listPoliciesQuery,
  authorize: ({ params }) => op(params.accountId, "iam:ListPolicies", "*"),
});

// CreatePolicy on the new policy's ARN, with the tags it sets (aws:RequestTag/…, aws:TagKeys).
export const POST = route(async ({ params, body }) => createPolicy(params.accountId, body), {
  body: createPolicyInput,
  status: 201,
  authorize: ({ params, body }) =>
    op(params.accountId, "iam:CreatePolicy", customerPolicyArn(params.accountId, body.path, body.policyName), requestTagContext(body.tags)),
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
