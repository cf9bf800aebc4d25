import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { accountInOrganizationArn, accountManagementArn, op, organizationsAccountArn } from "@/lib/api/operations";
import type { Operation } from "@/lib/auth/authorize";
import { managementAccountOf } from "@/lib/data/account-organization";
import { deleteAccount } from "@/lib/data/delete-account";
import { getAccount } from "@/lib/data/get-account";
import { updateAccount } from "@/lib/data/update-account";
import { updateAccountBody, type UpdateAccountInput } from "@/lib/schemas/account";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId"));

// GetAccountSummary (no resource type: "*"): the account's counts, read in the account itself.
export const GET = route(async ({ params }) => getAccount(params.accountId), {
  authorize: ({ params }) => op(params.accountId, "iam:GetAccountSummary", "*"),
});

/**
 * One operation per value the body changes, as updateAccount logs them: the alias is IAM's
 * CreateAccountAlias ("*"); the name Account Management's PutAccountName on the account itself;
 * the root email StartPrimaryEmailUpdate, whose only resource type is the account in its
 * organization (a standalone account is the management account of an organization of one), with
 * account:EmailTargetDomain.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsaccountmanagement.html
 */
async function updateOperations(accountId: string, body: UpdateAccountInput): Promise<Operation[]> {
  const operations: Operation[] = [];
  if (body.alias !== undefined) operations.push(op(accountId, "iam:CreateAccountAlias", "*"));
  if (body.displayName !== undefined) operations.push(op(accountId, "account:PutAccountName", accountManagementArn(accountId)));
  if (body.rootEmail !== undefined) {
    const arn = accountInOrganizationArn(await managementAccountOf(accountId), accountId);
    operations.push(op(accountId, "account:StartPrimaryEmailUpdate", arn, { "account:EmailTargetDomain": body.rootEmail.slice(body.rootEmail.lastIndexOf("@") + 1) }));
  }
  return operations;
}

export const PATCH = route(async ({ params, body }) => updateAccount(params.accountId, body), {
  body: updateAccountBody,
  authorize: ({ params, body }) => updateOperations(params.accountId, body),
});

// CloseAccount is made to the member's management account, on Organizations' account resource:
// a principal of the member itself, or of any other account, is refused by the engine.
export const DELETE = route(async ({ params }) => deleteAccount(params.accountId), {
  status: 204,
  authorize: async ({ params }) => {
    const management = await managementAccountOf(params.accountId);
    return op(management, "organizations:CloseAccount", organizationsAccountArn(management, params.accountId));
  },
});

export const { POST, PUT } = methodsNotAllowed({ GET, PATCH, DELETE });
