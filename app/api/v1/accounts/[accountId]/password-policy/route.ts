import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { op } from "@/lib/api/operations";
import { passwordPolicySchema } from "@/lib/auth/password-policy-schema";
import { deletePasswordPolicy } from "@/lib/data/delete-password-policy";
import { getPasswordPolicy } from "@/lib/data/get-password-policy";
import { updatePasswordPolicy } from "@/lib/data/update-password-policy";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId"));

// The account password policy's three actions have no resource type in the Service Authorization
// Reference: their resource is "*".

/** GetAccountPasswordPolicy; `passwordPolicy: null` with `usesAwsDefault: true` when none is set. */
export const GET = route(async ({ params }) => getPasswordPolicy(params.accountId), {
  authorize: ({ params }) => op(params.accountId, "iam:GetAccountPasswordPolicy", "*"),
});

/** UpdateAccountPasswordPolicy: the body's settings, every one left out at AWS's default. */
export const PUT = route(async ({ params, body }) => updatePasswordPolicy(params.accountId, body), {
  body: passwordPolicySchema,
  authorize: ({ params }) => op(params.accountId, "iam:UpdateAccountPasswordPolicy", "*"),
});

export const DELETE = route(async ({ params }) => deletePasswordPolicy(params.accountId), {
  status: 204,
  authorize: ({ params }) => op(params.accountId, "iam:DeleteAccountPasswordPolicy", "*"),
});

export const { POST, PATCH } = methodsNotAllowed({ GET, PUT, DELETE });
