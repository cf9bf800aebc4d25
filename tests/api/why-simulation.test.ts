import { beforeEach, describe, expect, it } from "vitest";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import * as simulate from "@/app/api/v1/simulate/route";
import { deniedSimulation, draftFromParams, requestFromDraft } from "@/components/simulator/simulation-url";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import type { DeniedDetail } from "@/lib/error-types";
import type { SimulationResult } from "@/lib/schemas/simulation";
import { callRoute } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";
import { allow } from "@/tests/support/policies";
import { sessionCookie } from "@/tests/support/session";

// The "Why?" of an AccessDenied replays the refused request in the policy simulator: the same
// principal, action, resource, resource owner and context must reach the same decision, and the
// simulator says it in AWS's words ("Troubleshoot access denied error messages", IAM User Guide).
// A request to another account's IAM is refused because no resource-based policy allows it
// ("Cross-account policy evaluation logic").
// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html

let accountId: string;
beforeEach(async () => {
  accountId = await freshAccount();
  await createUser(accountId, { userName: "alice", path: "/", tags: [] });
  await createUser(accountId, { userName: "bob", path: "/", tags: [] });
});

interface Refusal {
  error: { code: string; message: string; denied: DeniedDetail };
}

/** The simulation the "Why?" link opens for a refusal, run as the same caller. */
async function why(refusal: Refusal, cookie: string) {
  const replay = deniedSimulation(refusal.error.denied);
  if (!replay) throw new Error("no simulation for this refusal");
  // Through the URL, as the browser does: the link's parameters become the simulator's draft.
  const request = requestFromDraft(draftFromParams(new URLSearchParams(replay.params.toString()), replay.accountId));
  return callRoute(simulate.POST, "POST", "/api/v1/simulate", {}, request, cookie);
}

const createAs = (cookie: string, account: string, userName: string) =>
  callRoute(users.POST, "POST", `/api/v1/accounts/${account}/users`, { accountId: account }, { userName }, cookie);

describe("the Why? simulation of a refused request", () => {
  it("reaches the same implicit deny, in the same words, as the door", async () => {
    const cookie = await sessionCookie({ accountId, userName: "alice" });
    const refused = await createAs(cookie, accountId, "newuser");
    expect(refused.status).toBe(403);
    const answer = await why(refused.body as Refusal, cookie);
    expect(answer.status).toBe(200);
    const [row] = (answer.body as SimulationResult).rows;
    expect(row).toMatchObject({ action: "iam:CreateUser", resource: `arn:aws:iam::${accountId}:user/newuser`, decision: "implicitDeny", gate: "identityPolicy" });
    expect(row.accessDenied).toBe((refused.body as Refusal).error.message);
  });

  it("carries the request's context: an explicit deny without MFA stays an explicit deny", async () => {
    await putInlinePolicy("user", accountId, "alice", "Admin", allow("iam:*"));
    const noMfa = { Effect: "Deny", Action: "iam:CreateUser", Resource: "*", Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } };
    await putInlinePolicy("user", accountId, "alice", "NeedMfa", JSON.stringify({ Version: "2012-10-17", Statement: [noMfa] }));
    const cookie = await sessionCookie({ accountId, userName: "alice" });
    const refused = await createAs(cookie, accountId, "newuser");
    expect((refused.body as Refusal).error.message).toMatch(/with an explicit deny in an identity-based policy$/);
    const [row] = ((await why(refused.body as Refusal, cookie)).body as SimulationResult).rows;
    expect(row.decision).toBe("explicitDeny");
    expect(row.accessDenied).toBe((refused.body as Refusal).error.message);
  });

  it("replays the root user's cross-account refusal as a sandbox of its ARN, owned by the other account", async () => {
    const other = await freshAccount();
    const cookie = await sessionCookie({ accountId });
    const refused = await callRoute(users.GET, "GET", `/api/v1/accounts/${other}/users`, { accountId: other }, undefined, cookie);
    expect(refused.status).toBe(403);
    const denied = (refused.body as Refusal).error.denied;
    // ListUsers is on "*": only the request's account says whose IAM it asked.
    expect(denied).toMatchObject({ principalArn: `arn:aws:iam::${accountId}:root`, account: other, resource: "*" });
    expect(deniedSimulation(denied)?.params.get("resourceAccount")).toBe(other);
    const answer = await why(refused.body as Refusal, cookie);
    const [row] = (answer.body as SimulationResult).rows;
    expect(row).toMatchObject({ decision: "implicitDeny", resourceAccount: other });
    expect(row.accessDenied).toBe((refused.body as Refusal).error.message);
  });

  it("lets a caller simulate itself without iam:SimulatePrincipalPolicy, but nobody else", async () => {
    const cookie = await sessionCookie({ accountId, userName: "alice" });
    const as = (name: string) => callRoute(simulate.POST, "POST", "/api/v1/simulate", {}, { principal: { accountId, type: "user", name }, actions: ["s3:GetObject"] }, cookie);
    expect((await as("Alice")).status).toBe(200);
    const bob = await as("bob");
    expect(bob.status).toBe(403);
    expect((bob.body as Refusal).error.message).toBe(
      `User: arn:aws:iam::${accountId}:user/alice is not authorized to perform: iam:SimulatePrincipalPolicy on resource: arn:aws:iam::${accountId}:user/bob because no identity-based policy allows the iam:SimulatePrincipalPolicy action`,
    );
  });
});
