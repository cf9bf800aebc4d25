import { describe, expect, it } from "vitest";
import { ListUsersCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetAccessKeyInfoCommand, GetCallerIdentityCommand, GetSessionTokenCommand } from "@aws-sdk/client-sts";
import { db } from "@/lib/db";
import { freshAccount } from "@/tests/support/identity";
import { iamClient, rootCredentials, stsClient, failure, credentialsOf } from "@/tests/support/aws";
import { allowStatement, makeRole, mfaDevice, policy, sessionArnOf, trust, userArnOf, userInGroup } from "@/tests/aws/sts-fixtures";

// STS API Reference: GetSessionToken (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html)
// and GetAccessKeyInfo (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html);
// IAM User Guide, "Permissions for GetSessionToken".

/** bob may list users only with MFA, and assume the role Reader. */
async function bobSetup() {
  const account = await freshAccount();
  const bob = await userInGroup(
    account,
    "bob",
    policy(allowStatement("iam:ListUsers", "*", { Bool: { "aws:MultiFactorAuthPresent": "true" } }), allowStatement("sts:AssumeRole", `arn:aws:iam::${account}:role/*`)),
  );
  const reader = await makeRole(account, { name: "Reader", trustPolicy: trust(account), permissions: policy(allowStatement("iam:ListUsers")) });
  return { account, bob, reader };
}

describe("GetSessionToken: temporary credentials of the same user", () => {
  it("acts as the same user; without MFA they call no IAM API (InvalidClientTokenId) and no STS API but AssumeRole and GetCallerIdentity", async () => {
    const { account, bob, reader } = await bobSetup();
    const before = Date.now();
    const answer = await stsClient(bob).send(new GetSessionTokenCommand({}));
    expect(answer.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    // The default is 12 hours.
    expect((answer.Credentials?.Expiration?.getTime() ?? 0) - before).toBeGreaterThan(43_190_000);
    const session = credentialsOf(answer);
    expect(await stsClient(session).send(new GetCallerIdentityCommand({}))).toMatchObject({ Arn: userArnOf(account, "bob"), Account: account });
    expect(await failure(iamClient(session).send(new ListUsersCommand({})))).toMatchObject({
      name: "InvalidClientTokenId",
      $metadata: { httpStatusCode: 403 },
      message: "The security token included in the request is invalid.",
    });
    expect(await failure(stsClient(session).send(new GetSessionTokenCommand({})))).toMatchObject({ name: "AccessDenied", message: "Cannot call GetSessionToken with session credentials" });
    expect(await failure(stsClient(session).send(new GetAccessKeyInfoCommand({ AccessKeyId: bob.accessKeyId })))).toMatchObject({ name: "AccessDenied" });
    // AssumeRole is allowed: the role session is bob's.
    const role = await stsClient(session).send(new AssumeRoleCommand({ RoleArn: reader.arn, RoleSessionName: "from-token" }));
    expect(role.AssumedRoleUser?.Arn).toBe(sessionArnOf(account, "Reader", "from-token"));
    const record = await db().auditEvent.findFirstOrThrow({ where: { accountId: account, eventName: "GetSessionToken" }, orderBy: { id: "asc" } });
    expect(record).toMatchObject({ eventSource: "sts.amazonaws.com", principalArn: userArnOf(account, "bob"), errorCode: null });
  });

  it("with MFA the credentials carry aws:MultiFactorAuthPresent: IAM calls work and MFA-conditioned permissions apply", async () => {
    const { account, bob } = await bobSetup();
    // Long-term keys carry no MFA context: the MFA-conditioned ListUsers is refused.
    expect((await failure(iamClient(bob).send(new ListUsersCommand({})))).name).toBe("AccessDenied");
    const device = await mfaDevice(account, "bob", "bob-phone");
    const answer = await stsClient(bob).send(new GetSessionTokenCommand({ DurationSeconds: 900, SerialNumber: device.serialNumber, TokenCode: device.code() }));
    expect((answer.Credentials?.Expiration?.getTime() ?? 0) - Date.now()).toBeLessThanOrEqual(900_000);
    expect((await iamClient(credentialsOf(answer)).send(new ListUsersCommand({}))).Users?.map((user) => user.UserName)).toEqual(["bob"]);
  });

  it("refuses role sessions, caps the root user at one hour, and checks DurationSeconds", async () => {
    const { account, bob, reader } = await bobSetup();
    const roleSession = credentialsOf(await stsClient(bob).send(new AssumeRoleCommand({ RoleArn: reader.arn, RoleSessionName: "r1" })));
    expect(await failure(stsClient(roleSession).send(new GetSessionTokenCommand({})))).toMatchObject({ name: "AccessDenied", message: "Cannot call GetSessionToken with session credentials" });
    const root = await stsClient(await rootCredentials(account)).send(new GetSessionTokenCommand({ DurationSeconds: 7200 }));
    expect((root.Credentials?.Expiration?.getTime() ?? 0) - Date.now()).toBeLessThanOrEqual(3600_000);
    expect(await stsClient(credentialsOf(root)).send(new GetCallerIdentityCommand({}))).toMatchObject({ Arn: `arn:aws:iam::${account}:root`, UserId: account });
    expect(await failure(stsClient(bob).send(new GetSessionTokenCommand({ DurationSeconds: 129_601 })))).toMatchObject({ name: "ValidationError" });
    expect(await failure(stsClient(bob).send(new GetSessionTokenCommand({ DurationSeconds: 899 })))).toMatchObject({ name: "ValidationError" });
  });
});

describe("GetAccessKeyInfo: the account of an access key", () => {
  it("answers the account of a long-term key and of temporary credentials, InvalidParameterValue for an unknown key, and needs sts:GetAccessKeyInfo", async () => {
    const { account, bob, reader } = await bobSetup();
    const other = await freshAccount();
    const root = stsClient(await rootCredentials(other));
    expect((await root.send(new GetAccessKeyInfoCommand({ AccessKeyId: bob.accessKeyId }))).Account).toBe(account);
    const session = credentialsOf(await stsClient(bob).send(new AssumeRoleCommand({ RoleArn: reader.arn, RoleSessionName: "info" })));
    expect((await root.send(new GetAccessKeyInfoCommand({ AccessKeyId: session.accessKeyId }))).Account).toBe(account);
    expect(await failure(root.send(new GetAccessKeyInfoCommand({ AccessKeyId: "AKIAIOSFODNN7EXAMPLE" })))).toMatchObject({ name: "InvalidParameterValue", $metadata: { httpStatusCode: 400 } });
    expect(await failure(stsClient(bob).send(new GetAccessKeyInfoCommand({ AccessKeyId: bob.accessKeyId })))).toMatchObject({
      name: "AccessDenied",
      message: `User: ${userArnOf(account, "bob")} is not authorized to perform: sts:GetAccessKeyInfo on resource: * because no identity-based policy allows the sts:GetAccessKeyInfo action`,
    });
  });
});
