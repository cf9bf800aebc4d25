import { apiRoute, methodsNotAllowed } from "@/lib/api/route";
import { op } from "@/lib/api/operations";
import { decideOperations } from "@/lib/auth/authorize";
import { createAccount } from "@/lib/data/create-account";
import { listAccountsOf } from "@/lib/data/list-accounts";
import { createAccountBody } from "@/lib/schemas/account";

// ListAccounts (no resource type: "*") narrows the list rather than refusing it: without
// organizations:ListAccounts, or outside a management account, the caller sees only the account
// it acts in ({ items, scope: "own-account" }). So the door lets any signed-in caller in and the
// engine's verdict on that one operation picks the scope.
export const GET = apiRoute(
  async ({ caller: { identity, facts } }) => {
    const [verdict] = await decideOperations(identity, facts, [op(identity.accountId, "organizations:ListAccounts", "*")]);
    return listAccountsOf(identity.accountId, verdict.allowed);
  },
  { access: "signed-in" },
);

// CreateAccount (AWS Organizations, no resource type: "*"), made in the caller's own account, which
// becomes the new account's management account; a member account's principals are refused.
export const POST = apiRoute(async ({ body, caller }) => createAccount(body, { managementAccountId: caller.identity.accountId }), {
  body: createAccountBody,
  status: 201,
  authorize: ({ identity }) => op(identity.accountId, "organizations:CreateAccount", "*"),
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
