import { describe, expect, it } from "vitest";
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  GetAccessKeyLastUsedCommand,
  LimitExceededException,
  ListAccessKeysCommand,
  NoSuchEntityException,
  UpdateAccessKeyCommand,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { allow } from "@/tests/support/policies";
import { events, freshAccount } from "@/tests/support/identity";
import { iamClient, rootCredentials, stsClient, userCredentials, type Credentials } from "@/tests/support/aws";
import { auditOf, denied, failure } from "@/tests/aws/credentials-support";

const keysOf = (key: { AccessKeyId?: string; SecretAccessKey?: string } | undefined): Credentials => ({ accessKeyId: key?.AccessKeyId ?? "", secretAccessKey: key?.SecretAccessKey ?? "" });

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAccessKeys.html
describe("CreateAccessKey and ListAccessKeys through the AWS endpoint", () => {
  it("creates a user's key that signs requests, lists it, logs and audits it without the secret", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "Dana" }));
    const created = await iam.send(new CreateAccessKeyCommand({ UserName: "dana" }));
    expect(created.AccessKey).toMatchObject({ UserName: "Dana", Status: "Active" });
    expect(created.AccessKey?.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(created.AccessKey?.SecretAccessKey).toMatch(/^.{40}$/);
    expect(created.AccessKey?.CreateDate).toBeInstanceOf(Date);
    // The new key itself signs a call.
    const who = await stsClient(keysOf(created.AccessKey)).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(`arn:aws:iam::${account}:user/Dana`);
    const listed = await iam.send(new ListAccessKeysCommand({ UserName: "dana" }));
    expect(listed.IsTruncated).toBe(false);
    expect(listed.AccessKeyMetadata).toEqual([{ UserName: "Dana", AccessKeyId: created.AccessKey?.AccessKeyId, Status: "Active", CreateDate: created.AccessKey?.CreateDate }]);
    expect((await events(account)).filter((e) => e.action === "CreateAccessKey" && e.targetArn.endsWith("user/Dana"))).toEqual([
      { action: "CreateAccessKey", targetArn: `arn:aws:iam::${account}:user/Dana`, summary: `Created access key ${created.AccessKey?.AccessKeyId} for user Dana.` },
    ]);
    const audited = await auditOf(account, "CreateAccessKey");
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ identityType: "Root", errorCode: null, resourceArn: `arn:aws:iam::${account}:user/Dana`, responseElements: null });
    expect(JSON.stringify(audited[0])).not.toContain(created.AccessKey?.SecretAccessKey);
  });

  it("answers LimitExceeded for a third key and NoSuchEntity for an unknown user", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    await iam.send(new CreateAccessKeyCommand({ UserName: "dana" }));
    await iam.send(new CreateAccessKeyCommand({ UserName: "dana" }));
    const third = await failure(iam.send(new CreateAccessKeyCommand({ UserName: "dana" })));
    expect(third).toBeInstanceOf(LimitExceededException);
    expect(third).toMatchObject({ $metadata: { httpStatusCode: 409 }, message: "User dana already has 2 access keys, the most AWS allows. Delete one first." });
    await expect(iam.send(new CreateAccessKeyCommand({ UserName: "nobody" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(iam.send(new ListAccessKeysCommand({ UserName: "nobody" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    expect((await auditOf(account, "CreateAccessKey")).map((row) => row.errorCode)).toEqual([null, null, "LimitExceeded", "NoSuchEntity"]);
  });

  it("pages ListAccessKeys with MaxItems and Marker", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    const ids = [(await iam.send(new CreateAccessKeyCommand({ UserName: "dana" }))).AccessKey?.AccessKeyId, (await iam.send(new CreateAccessKeyCommand({ UserName: "dana" }))).AccessKey?.AccessKeyId];
    const first = await iam.send(new ListAccessKeysCommand({ UserName: "dana", MaxItems: 1 }));
    expect(first.IsTruncated).toBe(true);
    const second = await iam.send(new ListAccessKeysCommand({ UserName: "dana", MaxItems: 1, Marker: first.Marker }));
    expect(second.IsTruncated).toBe(false);
    expect([...(first.AccessKeyMetadata ?? []), ...(second.AccessKeyMetadata ?? [])].map((key) => key.AccessKeyId).sort()).toEqual([...ids].sort());
  });

  it("without UserName acts on the caller's own keys: an IAM user's, or the root user's for root credentials", async () => {
    const account = await freshAccount();
    const rootKeys = await rootCredentials(account);
    const root = iamClient(rootKeys);
    const rootKey = await root.send(new CreateAccessKeyCommand({}));
    expect(rootKey.AccessKey?.UserName).toBeUndefined();
    expect((await stsClient(keysOf(rootKey.AccessKey)).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${account}:root`);
    const rootList = await root.send(new ListAccessKeysCommand({}));
    expect(rootList.AccessKeyMetadata?.map((key) => key.AccessKeyId).sort()).toEqual([rootKeys.accessKeyId, rootKey.AccessKey?.AccessKeyId].sort());
    expect(rootList.AccessKeyMetadata?.every((key) => key.UserName === undefined)).toBe(true);
    await expect(root.send(new CreateAccessKeyCommand({}))).rejects.toBeInstanceOf(LimitExceededException);
    await root.send(new UpdateAccessKeyCommand({ AccessKeyId: rootKey.AccessKey?.AccessKeyId, Status: "Inactive" }));
    expect((await root.send(new ListAccessKeysCommand({}))).AccessKeyMetadata?.find((key) => key.AccessKeyId === rootKey.AccessKey?.AccessKeyId)?.Status).toBe("Inactive");
    await root.send(new DeleteAccessKeyCommand({ AccessKeyId: rootKey.AccessKey?.AccessKeyId }));
    expect((await root.send(new ListAccessKeysCommand({}))).AccessKeyMetadata?.map((key) => key.AccessKeyId)).toEqual([rootKeys.accessKeyId]);
    expect((await events(account)).filter((e) => e.targetArn === `arn:aws:iam::${account}:root` && e.action !== "CreateAccount").map((e) => e.action)).toEqual([
      "CreateAccessKey",
      "CreateAccessKey",
      "UpdateAccessKey",
      "DeleteAccessKey",
    ]);

    // An IAM user allowed to manage its own keys (the User Guide's policy, with ${aws:username}) does so without naming itself.
    await root.send(new CreateUserCommand({ UserName: "erin" }));
    await putInlinePolicy("user", account, "erin", "own-keys", allow(["iam:CreateAccessKey", "iam:ListAccessKeys"], "arn:aws:iam::*:user/${aws:username}"));
    const erin = iamClient(await userCredentials(account, "erin"));
    const own = await erin.send(new CreateAccessKeyCommand({}));
    expect(own.AccessKey?.UserName).toBe("erin");
    expect((await erin.send(new ListAccessKeysCommand({}))).AccessKeyMetadata?.map((key) => key.UserName)).toEqual(["erin", "erin"]);
  });
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccessKey.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccessKey.html
describe("UpdateAccessKey and DeleteAccessKey through the AWS endpoint", () => {
  it("makes a key Inactive (it can no longer sign: InvalidClientTokenId) and Active again, then deletes it", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: "dana" }))).AccessKey;
    const sts = stsClient(keysOf(key));
    await iam.send(new UpdateAccessKeyCommand({ UserName: "dana", AccessKeyId: key?.AccessKeyId, Status: "Inactive" }));
    expect((await iam.send(new ListAccessKeysCommand({ UserName: "dana" }))).AccessKeyMetadata?.[0]?.Status).toBe("Inactive");
    const refused = await failure(sts.send(new GetCallerIdentityCommand({})));
    expect(refused).toMatchObject({ name: "InvalidClientTokenId", $metadata: { httpStatusCode: 403 } });
    await iam.send(new UpdateAccessKeyCommand({ UserName: "dana", AccessKeyId: key?.AccessKeyId, Status: "Active" }));
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${account}:user/dana`);
    await iam.send(new DeleteAccessKeyCommand({ UserName: "dana", AccessKeyId: key?.AccessKeyId }));
    expect((await iam.send(new ListAccessKeysCommand({ UserName: "dana" }))).AccessKeyMetadata).toEqual([]);
    expect(await failure(sts.send(new GetCallerIdentityCommand({})))).toMatchObject({ name: "InvalidClientTokenId" });
    expect((await events(account)).filter((e) => e.action === "UpdateAccessKey" || e.action === "DeleteAccessKey")).toEqual([
      { action: "UpdateAccessKey", targetArn: `arn:aws:iam::${account}:user/dana`, summary: `Made access key ${key?.AccessKeyId} of user dana Inactive.` },
      { action: "UpdateAccessKey", targetArn: `arn:aws:iam::${account}:user/dana`, summary: `Made access key ${key?.AccessKeyId} of user dana Active.` },
      { action: "DeleteAccessKey", targetArn: `arn:aws:iam::${account}:user/dana`, summary: `Deleted access key ${key?.AccessKeyId} of user dana.` },
    ]);
    expect((await auditOf(account, "UpdateAccessKey")).map((row) => row.errorCode)).toEqual([null, null]);
    expect((await auditOf(account, "DeleteAccessKey")).map((row) => row.errorCode)).toEqual([null]);
  });

  it("answers NoSuchEntity for another user's or an unknown key and ValidationError for a bad Status", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    await iam.send(new CreateUserCommand({ UserName: "erin" }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: "dana" }))).AccessKey;
    const other = await failure(iam.send(new DeleteAccessKeyCommand({ UserName: "erin", AccessKeyId: key?.AccessKeyId })));
    expect(other).toBeInstanceOf(NoSuchEntityException);
    expect(other.message).toBe(`User erin has no access key ${key?.AccessKeyId}.`);
    await expect(iam.send(new UpdateAccessKeyCommand({ UserName: "dana", AccessKeyId: "AKIAAAAAAAAAAAAAAAAA", Status: "Inactive" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    const bad = await failure(iam.send(new UpdateAccessKeyCommand({ UserName: "dana", AccessKeyId: key?.AccessKeyId, Status: "Paused" as "Active" })));
    expect(bad).toMatchObject({ name: "ValidationError", message: 'Status: Status must be "Active" or "Inactive".' });
    const malformed = await failure(iam.send(new DeleteAccessKeyCommand({ UserName: "dana", AccessKeyId: "short" })));
    expect(malformed).toMatchObject({ name: "ValidationError", message: "AccessKeyId: AccessKeyId must be 16 to 128 letters and digits." });
    expect((await iam.send(new ListAccessKeysCommand({ UserName: "dana" }))).AccessKeyMetadata?.[0]?.Status).toBe("Active");
  });
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccessKeyLastUsed.html
describe("GetAccessKeyLastUsed through the AWS endpoint", () => {
  it('answers "N/A" for a key never used, then the service, region and date of its last use', async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: "dana" }))).AccessKey;
    const never = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key?.AccessKeyId }));
    expect(never.UserName).toBe("dana");
    expect(never.AccessKeyLastUsed).toEqual({ ServiceName: "N/A", Region: "N/A" });
    const before = Date.now();
    await stsClient(keysOf(key), "eu-west-1").send(new GetCallerIdentityCommand({}));
    const used = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key?.AccessKeyId }));
    expect(used.AccessKeyLastUsed).toMatchObject({ ServiceName: "sts", Region: "eu-west-1" });
    expect(used.AccessKeyLastUsed?.LastUsedDate?.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    const unknown = await failure(iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: "AKIAAAAAAAAAAAAAAAAA" })));
    expect(unknown).toBeInstanceOf(NoSuchEntityException);
    expect(unknown).toMatchObject({ $metadata: { httpStatusCode: 404 }, message: "The Access Key with id AKIAAAAAAAAAAAAAAAAA cannot be found." });
    // A read: not audited when allowed.
    expect(await auditOf(account, "GetAccessKeyLastUsed")).toEqual([]);
  });
});

describe("access key operations refused with AccessDenied in AWS's words", () => {
  it("names the action, the user's ARN and the reason for a user without permission, and audits the attempt", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await root.send(new CreateUserCommand({ UserName: "dana", Path: "/eng/" }));
    await root.send(new CreateUserCommand({ UserName: "erin" }));
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: "dana" }))).AccessKey;
    const erin = iamClient(await userCredentials(account, "erin"));
    const danaArn = `arn:aws:iam::${account}:user/eng/dana`;
    const cases: [Promise<unknown>, string, string][] = [
      [erin.send(new CreateAccessKeyCommand({ UserName: "dana" })), "iam:CreateAccessKey", danaArn],
      [erin.send(new CreateAccessKeyCommand({})), "iam:CreateAccessKey", `arn:aws:iam::${account}:user/erin`],
      [erin.send(new UpdateAccessKeyCommand({ UserName: "dana", AccessKeyId: key?.AccessKeyId, Status: "Inactive" })), "iam:UpdateAccessKey", danaArn],
      [erin.send(new DeleteAccessKeyCommand({ UserName: "dana", AccessKeyId: key?.AccessKeyId })), "iam:DeleteAccessKey", danaArn],
      [erin.send(new ListAccessKeysCommand({ UserName: "dana" })), "iam:ListAccessKeys", danaArn],
      [erin.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key?.AccessKeyId })), "iam:GetAccessKeyLastUsed", danaArn],
      // A key that is not in the account has no owner to name: its resource is "*".
      [erin.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: "AKIAAAAAAAAAAAAAAAAA" })), "iam:GetAccessKeyLastUsed", "*"],
    ];
    for (const [call, action, resource] of cases) {
      const refused = await failure(call);
      expect(refused).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
      expect(refused.message).toBe(denied(account, "erin", action, resource));
    }
    expect((await auditOf(account, "CreateAccessKey")).filter((row) => row.userName === "erin").map((row) => row.errorCode)).toEqual(["AccessDenied", "AccessDenied"]);
    // Refused reads are audited too, as reads.
    expect(await auditOf(account, "ListAccessKeys")).toMatchObject([{ errorCode: "AccessDenied", readOnly: true }]);
    expect((await root.send(new ListAccessKeysCommand({ UserName: "dana" }))).AccessKeyMetadata?.map((k) => k.Status)).toEqual(["Active"]);
  });
});
