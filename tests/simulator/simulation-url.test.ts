import { describe, expect, it } from "vitest";
import { deniedSimulation, draftFromParams, emptyDraft, paramsFromDraft, requestFromDraft, type SimulationDraft } from "@/components/simulator/simulation-url";
import { simulateBody } from "@/lib/schemas/simulation";

const ACCOUNT = "123456789012";

describe("the simulation in the URL", () => {
  it("round-trips a principal simulation with actions, resources and a multivalued context key", () => {
    const draft: SimulationDraft = {
      ...emptyDraft(ACCOUNT),
      principal: { accountId: ACCOUNT, type: "role", name: "RoleName" },
      actions: ["s3:GetObject", "s3:ListBucket"],
      resources: ["arn:aws:s3:::my_bucket/key.txt", "arn:aws:s3:::my_bucket"],
      sessionPolicy: '{"Version":"2012-10-17","Statement":[]}',
      context: [
        { key: "aws:TagKeys", value: "a=b" },
        { key: "aws:TagKeys", value: "c" },
      ],
    };
    const params = paramsFromDraft(draft);
    expect(draftFromParams(new URLSearchParams(params.toString()), ACCOUNT)).toEqual(draft);
    const request = requestFromDraft(draft);
    expect(request).toMatchObject({ principal: draft.principal, context: { "aws:TagKeys": ["a=b", "c"] } });
    expect(simulateBody.safeParse(request).success).toBe(true);
  });

  it("round-trips a sandbox and leaves out empty policies", () => {
    const draft: SimulationDraft = {
      ...emptyDraft(ACCOUNT),
      mode: "sandbox",
      identityPolicies: ['{"Version":"2012-10-17","Statement":[]}', "  "],
      actions: ["iam:CreateUser"],
    };
    const back = draftFromParams(paramsFromDraft(draft), ACCOUNT);
    expect(back.identityPolicies).toEqual(['{"Version":"2012-10-17","Statement":[]}']);
    expect(requestFromDraft(back)).toMatchObject({ sandbox: { principalArn: `arn:aws:iam::${ACCOUNT}:user/sandbox`, permissionsBoundary: null } });
  });

  it("does not run without a principal or an action", () => {
    expect(requestFromDraft({ ...emptyDraft(ACCOUNT), actions: ["s3:GetObject"] })).toBeNull();
    expect(requestFromDraft({ ...emptyDraft(ACCOUNT), principal: { accountId: ACCOUNT, type: "user", name: "erin" } })).toBeNull();
  });

  it("replays a refused request as the caller: a user as itself, a role session as its role, the root user as a sandbox", () => {
    const denied = (principalArn: string, account = ACCOUNT) => ({
      principalArn,
      account,
      action: "iam:ListUsers",
      resource: "*",
      context: { "aws:MultiFactorAuthPresent": "false", "aws:TagKeys": ["a", "b"] },
    });
    const user = deniedSimulation(denied(`arn:aws:iam::${ACCOUNT}:user/eng/alice`));
    expect(user?.accountId).toBe(ACCOUNT);
    const draft = draftFromParams(new URLSearchParams(user?.params.toString()), ACCOUNT);
    expect(draft).toMatchObject({ mode: "principal", principal: { accountId: ACCOUNT, type: "user", name: "alice" }, actions: ["iam:ListUsers"], resources: ["*"], resourceAccount: "" });
    expect(requestFromDraft(draft)).toMatchObject({ resourceAccount: null, context: { "aws:MultiFactorAuthPresent": "false", "aws:TagKeys": ["a", "b"] } });

    const session = deniedSimulation(denied("arn:aws:sts::210987654321:assumed-role/Auditor/alice", ACCOUNT));
    expect(session?.accountId).toBe("210987654321");
    expect(session?.params.get("principal")).toBe("role:210987654321:Auditor");
    // "*" is owned by the account the request was made to, not the role's.
    expect(session?.params.get("resourceAccount")).toBe(ACCOUNT);

    const root = deniedSimulation(denied(`arn:aws:iam::${ACCOUNT}:root`));
    const rootDraft = draftFromParams(new URLSearchParams(root?.params.toString()), ACCOUNT);
    expect(requestFromDraft(rootDraft)).toMatchObject({ sandbox: { principalArn: `arn:aws:iam::${ACCOUNT}:root`, identityPolicies: [], permissionsBoundary: null } });
    expect(simulateBody.safeParse(requestFromDraft(rootDraft)).success).toBe(true);

    expect(deniedSimulation(denied(`arn:aws:sts::${ACCOUNT}:federated-user/bob`))).toBeNull();
  });
});
