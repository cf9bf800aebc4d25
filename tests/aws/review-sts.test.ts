import { describe, expect, it } from "vitest";
import { CreateAccessKeyCommand, ListAccessKeysCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, GetSessionTokenCommand } from "@aws-sdk/client-sts";
import { createUser } from "@/lib/data/create-user";
import { deleteUser } from "@/lib/data/delete-user";
import { updateUser } from "@/lib/data/update-user";
import { createUserBody } from "@/lib/schemas/user";
import { freshAccount } from "@/tests/support/identity";
import { iamClient, stsClient, credentialsOf } from "@/tests/support/aws";
import { allowStatement, mfaDevice, policy, userArnOf, userInGroup } from "@/tests/aws/sts-fixtures";

// GetSessionToken's credentials act as "the IAM user" who asked for them ("the temporary security
// credentials have the same permissions as the IAM user"), bound to that user as AWS binds
// credentials to a principal's unique id, not to the name it had then. An operation without
// UserName acts on the calling user: "IAM determines the user name implicitly based on the access
// key ID signing the request" (CreateAccessKey).
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html

describe("GetSessionToken's credentials after their user is renamed (API_GetSessionToken, API_CreateAccessKey)", () => {
  it("still act as that user, never as another user that now has its old name", async () => {
    const account = await freshAccount();
    // The self-service policy of the IAM User Guide: a user manages its own access keys.
    const alice = await userInGroup(account, "alice", policy(allowStatement(["iam:CreateAccessKey", "iam:ListAccessKeys"], "arn:aws:iam::*:user/${aws:username}")));
    const device = await mfaDevice(account, "alice", "alice-phone");
    const session = credentialsOf(await stsClient(alice).send(new GetSessionTokenCommand({ SerialNumber: device.serialNumber, TokenCode: device.code() })));

    // An administrator renames alice and makes a new user under her old name.
    await updateUser(account, "alice", { newUserName: "alice-old" });
    await createUser(account, createUserBody.parse({ userName: "alice" }));

    expect((await stsClient(session).send(new GetCallerIdentityCommand({}))).Arn).toBe(userArnOf(account, "alice-old"));
    const created = await iamClient(session).send(new CreateAccessKeyCommand({}));
    expect(created.AccessKey?.UserName).toBe("alice-old");
    // The new alice got nothing from the renamed user's session.
    const root = iamClient(session);
    expect((await root.send(new ListAccessKeysCommand({}))).AccessKeyMetadata?.every((key) => key.UserName === "alice-old")).toBe(true);
  });

  it("are invalid once their user is deleted (InvalidClientTokenId)", async () => {
    const account = await freshAccount();
    const carl = await userInGroup(account, "carl", policy(allowStatement("iam:ListUsers")));
    const session = credentialsOf(await stsClient(carl).send(new GetSessionTokenCommand({})));
    expect((await stsClient(session).send(new GetCallerIdentityCommand({}))).Arn).toBe(userArnOf(account, "carl"));
    await deleteUser(account, "carl", { force: true });
    await expect(stsClient(session).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: "InvalidClientTokenId", $metadata: { httpStatusCode: 403 } });
  });
});
