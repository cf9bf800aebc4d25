import { describe, expect, it } from "vitest";
import { ListUsersCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand, type AssumeRoleCommandInput } from "@aws-sdk/client-sts";
import { db } from "@/lib/db";
import { MFA_INVALID_CODE, MFA_UNKNOWN_DEVICE } from "@/lib/auth/sts-mfa";
import { freshAccount } from "@/tests/support/identity";
import { iamClient, stsClient, type Credentials, failure, credentialsOf } from "@/tests/support/aws";
import { allowStatement, makeRole, mfaDevice, policy, roleArnOf, sessionArnOf, trust, userArnOf, userInGroup } from "@/tests/aws/sts-fixtures";

// STS API Reference, AssumeRole: SerialNumber and TokenCode ("Configuring MFA-protected API
// access"), role chaining ("Roles terms and concepts": "a maximum of one hour"), transitive
// session tags ("Chaining roles with session tags") and cross-account trust ("Cross-account
// policy evaluation logic"). https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html

const assume = (credentials: Credentials, input: AssumeRoleCommandInput) => stsClient(credentials).send(new AssumeRoleCommand(input));

describe("cross-account AssumeRole into a role that requires MFA (aws:MultiFactorAuthPresent)", () => {
  async function auditorSetup() {
    const prod = await freshAccount();
    const security = await freshAccount();
    // The role trusts the other account, and only with MFA; it lets its sessions list users only with MFA too.
    const auditor = await makeRole(security, {
      name: "CrossAccountAuditor",
      trustPolicy: trust(prod, ["sts:AssumeRole"], { Bool: { "aws:MultiFactorAuthPresent": "true" } }),
      permissions: policy(allowStatement("iam:ListUsers", "*", { Bool: { "aws:MultiFactorAuthPresent": "true" } })),
    });
    // Across accounts both sides must allow: carol's own policy allows sts:AssumeRole anywhere.
    const carol = await userInGroup(prod, "carol", policy(allowStatement("sts:AssumeRole")));
    const device = await mfaDevice(prod, "carol", "carol-phone");
    return { prod, security, auditor, carol, device };
  }

  it("is refused without SerialNumber and TokenCode, and allowed with a fresh code of carol's device, once", async () => {
    const { prod, security, auditor, carol, device } = await auditorSetup();
    const denied = `User: ${userArnOf(prod, "carol")} is not authorized to perform: sts:AssumeRole on resource: ${auditor.arn}`;
    expect(await failure(assume(carol, { RoleArn: auditor.arn, RoleSessionName: "carol" }))).toMatchObject({ name: "AccessDenied", message: denied });

    const code = device.code();
    const answer = await assume(carol, { RoleArn: auditor.arn, RoleSessionName: "carol", SerialNumber: device.serialNumber, TokenCode: code });
    expect(answer.AssumedRoleUser?.Arn).toBe(sessionArnOf(security, "CrossAccountAuditor", "carol"));
    const session = credentialsOf(answer);
    expect(await stsClient(session).send(new GetCallerIdentityCommand({}))).toMatchObject({ Account: security, Arn: sessionArnOf(security, "CrossAccountAuditor", "carol") });
    // The session carries the MFA context: its own MFA-conditioned permission works, in the role's account.
    expect((await iamClient(session).send(new ListUsersCommand({}))).Users).toEqual([]);

    // A code is accepted once, as at sign-in.
    expect(await failure(assume(carol, { RoleArn: auditor.arn, RoleSessionName: "again", SerialNumber: device.serialNumber, TokenCode: code }))).toMatchObject({
      name: "AccessDenied",
      message: MFA_INVALID_CODE,
    });
    // The record is in the role's account.
    const records = await db().auditEvent.findMany({ where: { accountId: security, eventName: "AssumeRole" }, orderBy: { id: "asc" } });
    expect(records.map((record) => record.errorCode)).toEqual(["AccessDenied", null, "AccessDenied"]);
    expect(records.every((record) => record.eventSource === "sts.amazonaws.com" && record.principalArn === userArnOf(prod, "carol"))).toBe(true);
  });

  it("refuses a wrong code, another user's device and half the MFA parameters", async () => {
    const { prod, auditor, carol, device } = await auditorSetup();
    const wrong = device.code() === "000000" ? "111111" : "000000";
    expect(await failure(assume(carol, { RoleArn: auditor.arn, RoleSessionName: "carol", SerialNumber: device.serialNumber, TokenCode: wrong }))).toMatchObject({ name: "AccessDenied", message: MFA_INVALID_CODE });
    const dave = await userInGroup(prod, "dave", policy(allowStatement("sts:AssumeRole")));
    expect(await failure(assume(dave, { RoleArn: auditor.arn, RoleSessionName: "dave", SerialNumber: device.serialNumber, TokenCode: device.code() }))).toMatchObject({ name: "AccessDenied", message: MFA_UNKNOWN_DEVICE });
    expect(await failure(assume(carol, { RoleArn: auditor.arn, RoleSessionName: "carol", SerialNumber: device.serialNumber }))).toMatchObject({ name: "ValidationError" });
    expect(await failure(assume(carol, { RoleArn: auditor.arn, RoleSessionName: "carol", SerialNumber: device.serialNumber, TokenCode: "12345" }))).toMatchObject({ name: "ValidationError" });
  });

  it("slows down a run of wrong codes for the device (Throttling with Retry-After)", async () => {
    const { auditor, carol, device } = await auditorSetup();
    const wrong = device.code() === "000000" ? "111111" : "000000";
    const answers: { name: string; $metadata: { httpStatusCode?: number } }[] = [];
    for (let i = 0; i < 7; i++) answers.push(await failure(assume(carol, { RoleArn: auditor.arn, RoleSessionName: "carol", SerialNumber: device.serialNumber, TokenCode: wrong })));
    expect(answers.slice(0, 6).map((answer) => answer.name)).toEqual(Array(6).fill("AccessDenied"));
    // AWS's common errors: ThrottlingException is HTTP 400 in the Query APIs.
    expect(answers[6]).toMatchObject({ name: "Throttling", $metadata: { httpStatusCode: 400 } });
  });
});

describe("role chaining: AssumeRole with a role session's credentials", () => {
  async function chainSetup() {
    const account = await freshAccount();
    const second = await makeRole(account, {
      name: "Second",
      trustPolicy: trust(account, ["sts:AssumeRole", "sts:TagSession"]),
      permissions: policy(allowStatement("iam:ListUsers", "*", { StringEquals: { "aws:PrincipalTag/team": "blue" } })),
    });
    const first = await makeRole(account, {
      name: "First",
      trustPolicy: trust(account, ["sts:AssumeRole", "sts:TagSession"]),
      permissions: policy(allowStatement(["sts:AssumeRole", "sts:TagSession"], second.arn)),
    });
    const bob = await userInGroup(account, "bob", policy(allowStatement(["sts:AssumeRole", "sts:TagSession"], roleArnOf(account, "*"))));
    return { account, first, second, bob };
  }

  it("is decided with the session as principal, for at most one hour, and passes transitive tags on", async () => {
    const { account, first, second, bob } = await chainSetup();
    const firstSession = credentialsOf(
      await assume(bob, { RoleArn: first.arn, RoleSessionName: "one", Tags: [{ Key: "team", Value: "blue" }, { Key: "cost", Value: "42" }], TransitiveTagKeys: ["team"] }),
    );
    expect(await failure(assume(firstSession, { RoleArn: second.arn, RoleSessionName: "two", DurationSeconds: 3601 }))).toMatchObject({
      name: "ValidationError",
      message: "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
    });
    const chained = await assume(firstSession, { RoleArn: second.arn, RoleSessionName: "two" });
    expect(chained.AssumedRoleUser?.Arn).toBe(sessionArnOf(account, "Second", "two"));
    const secondSession = credentialsOf(chained);
    // team=blue came down the chain: Second's tag-conditioned permission applies.
    expect((await iamClient(secondSession).send(new ListUsersCommand({}))).Users).toHaveLength(1);
    const row = await db().temporaryCredential.findUniqueOrThrow({ where: { id: secondSession.accessKeyId } });
    expect(row).toMatchObject({ chained: true, sourceArn: userArnOf(account, "bob"), roleArn: second.arn });
    expect(JSON.parse(row.sessionTags ?? "{}")).toEqual({ team: "blue" });
    // An inherited transitive tag cannot be passed again.
    expect(await failure(assume(firstSession, { RoleArn: second.arn, RoleSessionName: "three", Tags: [{ Key: "Team", Value: "red" }] }))).toMatchObject({ name: "InvalidParameterValue" });
  });

  it("applies the calling session's session policy to the AssumeRole itself", async () => {
    const { account, first, second, bob } = await chainSetup();
    const narrow = credentialsOf(await assume(bob, { RoleArn: first.arn, RoleSessionName: "narrow", Policy: policy(allowStatement("iam:ListUsers")) }));
    expect(await failure(assume(narrow, { RoleArn: second.arn, RoleSessionName: "two" }))).toMatchObject({
      name: "AccessDenied",
      message: `User: ${sessionArnOf(account, "First", "narrow")} is not authorized to perform: sts:AssumeRole on resource: ${second.arn}`,
    });
    // The same role without a session policy may.
    const plain = credentialsOf(await assume(bob, { RoleArn: first.arn, RoleSessionName: "plain" }));
    expect((await assume(plain, { RoleArn: second.arn, RoleSessionName: "two" })).AssumedRoleUser?.Arn).toBe(sessionArnOf(account, "Second", "two"));
  });
});
