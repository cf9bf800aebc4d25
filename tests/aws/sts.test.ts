import { describe, expect, it } from "vitest";
import { CreateUserCommand, GetUserCommand, ListUsersCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand, type AssumeRoleCommandInput } from "@aws-sdk/client-sts";
import { db } from "@/lib/db";
import { createPolicy } from "@/lib/data/create-policy";
import { createPolicyInput } from "@/lib/schemas/policy";
import { freshAccount } from "@/tests/support/identity";
import { iamClient, rootCredentials, stsClient, type Credentials, failure, credentialsOf } from "@/tests/support/aws";
import { allowStatement, makeRole, policy, roleArnOf, sessionArnOf, trust, userArnOf, userInGroup } from "@/tests/aws/sts-fixtures";

// STS API Reference, AssumeRole (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html)
// and GetCallerIdentity; IAM User Guide: "Session policies", "Pass session tags in AWS STS",
// "Policy evaluation logic". Real SDK clients, answered in-process by the AWS endpoint.

/**
 * An account with bob, whose group allows sts:AssumeRole on every role of it (and sts:TagSession,
 * sts:SetSourceIdentity: a trust policy naming the account delegates those to his policies too),
 * and the role Reader (ListUsers and GetUser).
 */
async function bobAndReader() {
  const account = await freshAccount();
  const reader = await makeRole(account, {
    name: "Reader",
    trustPolicy: trust(account),
    permissions: policy(allowStatement(["iam:ListUsers", "iam:GetUser"])),
  });
  const bob = await userInGroup(account, "bob", policy(allowStatement(["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"], roleArnOf(account, "*"))));
  return { account, reader, bob };
}

const assume = (credentials: Credentials, input: AssumeRoleCommandInput) => stsClient(credentials).send(new AssumeRoleCommand(input));

describe("AssumeRole (STS API Reference) by a user whose group allows it, into a role trusting the account", () => {
  it("answers the role session's credentials; GetCallerIdentity names the session; the role's policy decides its calls", async () => {
    const { account, reader, bob } = await bobAndReader();
    const before = Date.now();
    const answer = await assume(bob, { RoleArn: reader.arn, RoleSessionName: "bob-session" });
    expect(answer.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(answer.Credentials?.SecretAccessKey).toHaveLength(40);
    expect(answer.Credentials?.SessionToken?.length).toBeGreaterThan(60);
    // The default duration is one hour.
    const expiration = answer.Credentials?.Expiration?.getTime() ?? 0;
    expect(expiration - before).toBeGreaterThan(3590_000);
    expect(expiration - before).toBeLessThanOrEqual(3601_000);
    expect(answer.AssumedRoleUser).toEqual({ AssumedRoleId: `${reader.id}:bob-session`, Arn: sessionArnOf(account, "Reader", "bob-session") });
    expect(answer.PackedPolicySize).toBeUndefined();

    const session = credentialsOf(answer);
    const who = await stsClient(session).send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({ UserId: `${reader.id}:bob-session`, Account: account, Arn: sessionArnOf(account, "Reader", "bob-session") });

    const iam = iamClient(session);
    expect((await iam.send(new ListUsersCommand({}))).Users?.map((user) => user.UserName)).toEqual(["bob"]);
    const refused = await failure(iam.send(new CreateUserCommand({ UserName: "mallory" })));
    expect(refused).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
    expect(refused.message).toBe(
      `User: ${sessionArnOf(account, "Reader", "bob-session")} is not authorized to perform: iam:CreateUser on resource: ${userArnOf(account, "mallory")} because no identity-based policy allows the iam:CreateUser action`,
    );
  });

  it("is one AssumeRole record in the role's account's audit trail (sts.amazonaws.com), allowed or refused, and no change-log event", async () => {
    const { account, reader, bob } = await bobAndReader();
    const changes = await db().changeEvent.count({ where: { accountId: account } });
    const answer = await assume(bob, { RoleArn: reader.arn, RoleSessionName: "audited", DurationSeconds: 900 });
    const allowed = await db().auditEvent.findFirstOrThrow({ where: { accountId: account, eventName: "AssumeRole" }, orderBy: { id: "desc" } });
    expect(allowed).toMatchObject({ eventSource: "sts.amazonaws.com", principalArn: userArnOf(account, "bob"), resourceArn: reader.arn, errorCode: null });
    expect(JSON.parse(allowed.requestParameters ?? "{}")).toEqual({ roleArn: reader.arn, roleSessionName: "audited", durationSeconds: 900 });
    const response = JSON.parse(allowed.responseElements ?? "{}") as { credentials: Record<string, string>; assumedRoleUser: { arn: string } };
    expect(response.credentials.accessKeyId).toBe(answer.Credentials?.AccessKeyId);
    expect(response.assumedRoleUser.arn).toBe(sessionArnOf(account, "Reader", "audited"));
    // Neither the secret nor the session token is ever written anywhere but to the caller.
    expect(allowed.responseElements).not.toContain(answer.Credentials?.SessionToken ?? "-");
    expect(allowed.responseElements).not.toContain(answer.Credentials?.SecretAccessKey ?? "-");
    // Issuing credentials changes no IAM entity: the change log is untouched.
    expect(await db().changeEvent.count({ where: { accountId: account } })).toBe(changes);

    const missing = roleArnOf(account, "NoSuchRole");
    const refused = await failure(assume(bob, { RoleArn: missing, RoleSessionName: "audited" }));
    // A role that does not exist is refused in the same words as one that may not be assumed.
    expect(refused).toMatchObject({ name: "AccessDenied", message: `User: ${userArnOf(account, "bob")} is not authorized to perform: sts:AssumeRole on resource: ${missing}` });
    const record = await db().auditEvent.findFirstOrThrow({ where: { accountId: account, eventName: "AssumeRole" }, orderBy: { id: "desc" } });
    expect(record).toMatchObject({ eventSource: "sts.amazonaws.com", errorCode: "AccessDenied", resourceArn: missing, responseElements: null });
  });

  it("refuses a user no policy allows, and the root user in STS's own words", async () => {
    const { account, reader } = await bobAndReader();
    const carol = await userInGroup(account, "carol", policy(allowStatement("iam:ListUsers")));
    expect(await failure(assume(carol, { RoleArn: reader.arn, RoleSessionName: "carol" }))).toMatchObject({
      name: "AccessDenied",
      $metadata: { httpStatusCode: 403 },
      message: `User: ${userArnOf(account, "carol")} is not authorized to perform: sts:AssumeRole on resource: ${reader.arn}`,
    });
    const root = await rootCredentials(account);
    expect(await failure(assume(root, { RoleArn: reader.arn, RoleSessionName: "root" }))).toMatchObject({ name: "AccessDenied", message: "Roles may not be assumed by root accounts." });
  });

  it("answers ValidationError for DurationSeconds above the role's MaxSessionDuration or outside 900–43200, and for a bad RoleSessionName", async () => {
    const { account, reader, bob } = await bobAndReader();
    expect(await failure(assume(bob, { RoleArn: reader.arn, RoleSessionName: "long", DurationSeconds: 7200 }))).toMatchObject({
      name: "ValidationError",
      $metadata: { httpStatusCode: 400 },
      message: "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
    });
    expect(await failure(assume(bob, { RoleArn: reader.arn, RoleSessionName: "short", DurationSeconds: 899 }))).toMatchObject({ name: "ValidationError" });
    expect(await failure(assume(bob, { RoleArn: reader.arn, RoleSessionName: "x" }))).toMatchObject({ name: "ValidationError", message: expect.stringContaining("RoleSessionName") });
    expect(await failure(assume(bob, { RoleArn: reader.arn, RoleSessionName: "has space" }))).toMatchObject({ name: "ValidationError" });
    expect(await failure(assume(bob, { RoleArn: "arn:aws:iam::123456789012:user/bob", RoleSessionName: "not-a-role" }))).toMatchObject({ name: "ValidationError", message: expect.stringContaining("RoleArn") });

    const long = await makeRole(account, { name: "LongSessions", trustPolicy: trust(account), maxSessionDuration: 7200 });
    const answer = await assume(bob, { RoleArn: long.arn, RoleSessionName: "long", DurationSeconds: 7200 });
    expect((answer.Credentials?.Expiration?.getTime() ?? 0) - Date.now()).toBeGreaterThan(7190_000);
  });
});

describe("AssumeRole's session policies (IAM User Guide, Session policies): the session gets the intersection", () => {
  it("an inline Policy narrows the role: a call the role allows but the session policy does not is refused", async () => {
    const { account, reader, bob } = await bobAndReader();
    const answer = await assume(bob, { RoleArn: reader.arn, RoleSessionName: "narrow", Policy: policy(allowStatement("iam:ListUsers")) });
    expect(answer.PackedPolicySize).toBeGreaterThan(0);
    expect(answer.PackedPolicySize).toBeLessThan(100);
    const iam = iamClient(credentialsOf(answer));
    expect((await iam.send(new ListUsersCommand({}))).Users).toHaveLength(1);
    const refused = await failure(iam.send(new GetUserCommand({ UserName: "bob" })));
    expect(refused.message).toBe(
      `User: ${sessionArnOf(account, "Reader", "narrow")} is not authorized to perform: iam:GetUser on resource: ${userArnOf(account, "bob")} because no session policy allows the iam:GetUser action`,
    );
    // A session policy grants nothing the role does not: CreateUser stays refused.
    const wide = await assume(bob, { RoleArn: reader.arn, RoleSessionName: "wide", Policy: policy(allowStatement("iam:*")) });
    expect((await failure(iamClient(credentialsOf(wide)).send(new CreateUserCommand({ UserName: "mallory" })))).message).toContain("because no identity-based policy allows");
  });

  it("managed PolicyArns are session policies too, merged with the inline one; a missing policy is NoSuchEntity", async () => {
    const { account, reader, bob } = await bobAndReader();
    const getUser = await createPolicy(account, createPolicyInput.parse({ policyName: "GetUserOnly", policyDocument: policy({ Sid: "One", ...allowStatement("iam:GetUser") }) }));
    const managedOnly = await assume(bob, { RoleArn: reader.arn, RoleSessionName: "managed", PolicyArns: [{ arn: getUser.arn }] });
    const iam = iamClient(credentialsOf(managedOnly));
    expect((await iam.send(new GetUserCommand({ UserName: "bob" }))).User?.UserName).toBe("bob");
    expect((await failure(iam.send(new ListUsersCommand({})))).message).toContain("because no session policy allows the iam:ListUsers action");

    // Both: either one's Allow counts (the same Sid in both is no conflict).
    const both = await assume(bob, { RoleArn: reader.arn, RoleSessionName: "both", PolicyArns: [{ arn: getUser.arn }], Policy: policy({ Sid: "One", ...allowStatement("iam:ListUsers") }) });
    const iamBoth = iamClient(credentialsOf(both));
    expect((await iamBoth.send(new ListUsersCommand({}))).Users).toHaveLength(1);
    expect((await iamBoth.send(new GetUserCommand({ UserName: "bob" }))).User?.UserName).toBe("bob");

    expect(await failure(assume(bob, { RoleArn: reader.arn, RoleSessionName: "missing", PolicyArns: [{ arn: `arn:aws:iam::${account}:policy/Nope` }] }))).toMatchObject({ name: "NoSuchEntity" });
  });

  it("refuses a malformed Policy with MalformedPolicyDocument and one over 2,048 characters with ValidationError", async () => {
    const { reader, bob } = await bobAndReader();
    const malformed = await failure(assume(bob, { RoleArn: reader.arn, RoleSessionName: "bad", Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}' }));
    expect(malformed).toMatchObject({ name: "MalformedPolicyDocumentException", $metadata: { httpStatusCode: 400 } });
    const huge = policy({ Sid: "S".repeat(2100), ...allowStatement("iam:ListUsers") });
    expect(await failure(assume(bob, { RoleArn: reader.arn, RoleSessionName: "huge", Policy: huge }))).toMatchObject({ name: "ValidationError", message: expect.stringContaining("2048") });
  });
});

describe("AssumeRole's session tags (IAM User Guide, Pass session tags in AWS STS)", () => {
  async function taggedRole() {
    const { account, bob } = await bobAndReader();
    // The role's own tag says red; its policy lets only a blue principal list users.
    const role = await makeRole(account, {
      name: "Team",
      trustPolicy: trust(account, ["sts:AssumeRole", "sts:TagSession"]),
      permissions: policy(allowStatement("iam:ListUsers", "*", { StringEquals: { "aws:PrincipalTag/team": "blue" } })),
      tags: [{ key: "team", value: "red" }],
    });
    return { account, bob, role };
  }

  it("session tags are the session's aws:PrincipalTag, overriding the role's tag of the same key", async () => {
    const { account, bob, role } = await taggedRole();
    const blue = await assume(bob, { RoleArn: role.arn, RoleSessionName: "blue", Tags: [{ Key: "Team", Value: "blue" }] });
    expect(blue.PackedPolicySize).toBeGreaterThan(0);
    expect((await iamClient(credentialsOf(blue)).send(new ListUsersCommand({}))).Users).toHaveLength(1);
    // Without session tags the role's own tag (red) is the principal's.
    const plain = await assume(bob, { RoleArn: role.arn, RoleSessionName: "plain" });
    expect((await failure(iamClient(credentialsOf(plain)).send(new ListUsersCommand({})))).message).toBe(
      `User: ${sessionArnOf(account, "Team", "plain")} is not authorized to perform: iam:ListUsers on resource: * because no identity-based policy allows the iam:ListUsers action`,
    );
  });

  it("needs sts:TagSession in the trust policy, and refuses a packed size over the limit", async () => {
    const { account, reader, bob } = await bobAndReader();
    expect(await failure(assume(bob, { RoleArn: reader.arn, RoleSessionName: "tags", Tags: [{ Key: "team", Value: "blue" }] }))).toMatchObject({
      name: "AccessDenied",
      message: `User: ${userArnOf(account, "bob")} is not authorized to perform: sts:TagSession on resource: ${reader.arn}`,
    });
    const { role } = await taggedRole();
    const random = (length: number) => Array.from({ length }, () => "0123456789abcdef"[Math.floor(Math.random() * 16)]).join("");
    const tags = Array.from({ length: 50 }, () => ({ Key: random(128), Value: random(256) }));
    const packed = await failure(assume(bob, { RoleArn: role.arn, RoleSessionName: "packed", Tags: tags }));
    expect(packed).toMatchObject({ name: "PackedPolicyTooLargeException", message: expect.stringMatching(/^Packed policy consumes \d+% of allotted space/) });
    expect(await failure(assume(bob, { RoleArn: role.arn, RoleSessionName: "aws", Tags: [{ Key: "aws:team", Value: "x" }] }))).toMatchObject({ name: "ValidationError" });
    expect(await failure(assume(bob, { RoleArn: role.arn, RoleSessionName: "transitive", Tags: [{ Key: "team", Value: "blue" }], TransitiveTagKeys: ["project"] }))).toMatchObject({
      name: "InvalidParameterValue",
    });
  });

  it("decides with the request's keys: aws:RequestTag, sts:ExternalId and sts:SourceIdentity (which needs sts:SetSourceIdentity)", async () => {
    const { account, bob } = await bobAndReader();
    const guarded = await makeRole(account, {
      name: "Guarded",
      trustPolicy: policy(
        { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "secret-42" } } },
        { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "sts:TagSession", Condition: { StringEquals: { "aws:RequestTag/project": "apollo" } } },
        { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "sts:SetSourceIdentity", Condition: { StringLike: { "sts:SourceIdentity": "bob*" } } },
      ),
      permissions: policy(allowStatement("iam:ListUsers")),
    });
    const denied = `User: ${userArnOf(account, "bob")} is not authorized to perform: sts:AssumeRole on resource: ${guarded.arn}`;
    expect((await failure(assume(bob, { RoleArn: guarded.arn, RoleSessionName: "s" + "1" }))).message).toBe(denied);
    expect((await failure(assume(bob, { RoleArn: guarded.arn, RoleSessionName: "s2", ExternalId: "wrong-one" }))).message).toBe(denied);
    const ok = await assume(bob, { RoleArn: guarded.arn, RoleSessionName: "s3", ExternalId: "secret-42", Tags: [{ Key: "project", Value: "apollo" }], SourceIdentity: "bob-laptop" });
    expect(ok.SourceIdentity).toBe("bob-laptop");
    expect((await failure(assume(bob, { RoleArn: guarded.arn, RoleSessionName: "s4", ExternalId: "secret-42", Tags: [{ Key: "project", Value: "gemini" }] }))).message).toContain("sts:TagSession");
    expect((await failure(assume(bob, { RoleArn: guarded.arn, RoleSessionName: "s5", ExternalId: "secret-42", SourceIdentity: "mallory" }))).message).toContain("sts:SetSourceIdentity");
  });
});
