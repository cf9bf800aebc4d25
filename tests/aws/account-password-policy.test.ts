import { describe, expect, it } from "vitest";
import {
  CreateUserCommand,
  DeleteAccountPasswordPolicyCommand,
  GetAccountPasswordPolicyCommand,
  NoSuchEntityException,
  UpdateAccountPasswordPolicyCommand,
} from "@aws-sdk/client-iam";
import { db } from "@/lib/db";
import { getPasswordPolicy } from "@/lib/data/get-password-policy";
import { freshAccount } from "@/tests/support/identity";
import { iamClient, rootCredentials, userCredentials } from "@/tests/support/aws";

// IAM API Reference: GetAccountPasswordPolicy, UpdateAccountPasswordPolicy, DeleteAccountPasswordPolicy.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountPasswordPolicy.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccountPasswordPolicy.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccountPasswordPolicy.html

type Refusal = { name: string; message: string; $metadata: { httpStatusCode: number } };
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (err: unknown) => err as Refusal);

describe("the account password policy with the real IAM client", () => {
  it("answers NoSuchEntity in AWS's words until a policy is set (GetAccountPasswordPolicy)", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    const missing = await refusal(iam.send(new GetAccountPasswordPolicyCommand({})));
    expect(missing).toBeInstanceOf(NoSuchEntityException);
    expect(missing?.message).toBe(`The Password Policy with domain name ${account} cannot be found.`);
    expect(missing?.$metadata.httpStatusCode).toBe(404);
  });

  it("sets every setting, reads them back, and gives settings left out AWS's defaults (UpdateAccountPasswordPolicy)", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: 14,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: false,
        AllowUsersToChangePassword: true,
        MaxPasswordAge: 90,
        PasswordReusePrevention: 5,
        HardExpiry: true,
      }),
    );
    expect((await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy).toEqual({
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: true,
      ExpirePasswords: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 5,
      HardExpiry: true,
    });
    // The console's own view reads the same policy.
    expect((await getPasswordPolicy(account)).passwordPolicy).toMatchObject({ MinimumPasswordLength: 14, MaxPasswordAge: 90 });

    // Replaced whole: what is left out is back to its default; 0 means "never" / "no limit".
    await iam.send(new UpdateAccountPasswordPolicyCommand({ RequireNumbers: true, MaxPasswordAge: 0 }));
    expect((await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy).toEqual({
      MinimumPasswordLength: 6,
      RequireSymbols: false,
      RequireNumbers: true,
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: false,
      ExpirePasswords: false,
      HardExpiry: false,
    });
  });

  it("refuses settings out of AWS's bounds (ValidationError)", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    for (const [input, field] of [
      [{ MinimumPasswordLength: 5 }, "MinimumPasswordLength"],
      [{ MinimumPasswordLength: 129 }, "MinimumPasswordLength"],
      [{ MaxPasswordAge: 1096 }, "MaxPasswordAge"],
      [{ PasswordReusePrevention: 25 }, "PasswordReusePrevention"],
    ] as const) {
      const invalid = await refusal(iam.send(new UpdateAccountPasswordPolicyCommand(input)));
      expect(invalid, field).toMatchObject({ name: "ValidationError", $metadata: { httpStatusCode: 400 } });
      expect(invalid?.message, field).toMatch(new RegExp(`^${field}: `));
    }
    expect(await refusal(iam.send(new GetAccountPasswordPolicyCommand({})))).toBeInstanceOf(NoSuchEntityException);
  });

  it("deletes the policy, then answers NoSuchEntity to both reading and deleting it (DeleteAccountPasswordPolicy)", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 10 }));
    await iam.send(new DeleteAccountPasswordPolicyCommand({}));
    expect(await refusal(iam.send(new GetAccountPasswordPolicyCommand({})))).toBeInstanceOf(NoSuchEntityException);
    const again = await refusal(iam.send(new DeleteAccountPasswordPolicyCommand({})));
    expect(again).toBeInstanceOf(NoSuchEntityException);
    expect(again?.message).toMatch(new RegExp(`^The account password policy with account ID ${account} cannot be found`));
    expect((await getPasswordPolicy(account)).usesAwsDefault).toBe(true);
  });

  it("logs the writes in the change log and audits each attempt", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 12, AllowUsersToChangePassword: true }));
    await iam.send(new DeleteAccountPasswordPolicyCommand({}));
    await refusal(iam.send(new DeleteAccountPasswordPolicyCommand({})));
    const changes = await db().changeEvent.findMany({ where: { accountId: account, action: { contains: "AccountPasswordPolicy" } }, orderBy: { id: "asc" } });
    expect(changes.map((c) => [c.action, c.targetArn, c.actorArn])).toEqual([
      ["UpdateAccountPasswordPolicy", `arn:aws:iam::${account}:root`, `arn:aws:iam::${account}:root`],
      ["DeleteAccountPasswordPolicy", `arn:aws:iam::${account}:root`, `arn:aws:iam::${account}:root`],
    ]);
    expect(changes[0].summary).toContain("at least 12 characters");
    const audit = await db().auditEvent.findMany({ where: { accountId: account, eventName: { contains: "AccountPasswordPolicy" } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.eventSource, a.eventName, a.errorCode])).toEqual([
      ["iam.amazonaws.com", "UpdateAccountPasswordPolicy", null],
      ["iam.amazonaws.com", "DeleteAccountPasswordPolicy", null],
      ["iam.amazonaws.com", "DeleteAccountPasswordPolicy", "NoSuchEntity"],
    ]);
    expect(JSON.parse(audit[0].requestParameters ?? "{}")).toMatchObject({ minimumPasswordLength: 12, allowUsersToChangePassword: true });
  });

  it("refuses a user without permission with AWS's AccessDenied message", async () => {
    const account = await freshAccount();
    await iamClient(await rootCredentials(account)).send(new CreateUserCommand({ UserName: "nopolicy" }));
    const iam = iamClient(await userCredentials(account, "nopolicy"));
    const user = `arn:aws:iam::${account}:user/nopolicy`;
    const expectDenied = async (promise: Promise<unknown>, action: string) => {
      const denied = await refusal(promise);
      expect(denied).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
      expect(denied?.message).toBe(`User: ${user} is not authorized to perform: ${action} on resource: * because no identity-based policy allows the ${action} action`);
    };
    await expectDenied(iam.send(new GetAccountPasswordPolicyCommand({})), "iam:GetAccountPasswordPolicy");
    await expectDenied(iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8 })), "iam:UpdateAccountPasswordPolicy");
    await expectDenied(iam.send(new DeleteAccountPasswordPolicyCommand({})), "iam:DeleteAccountPasswordPolicy");
    expect((await getPasswordPolicy(account)).usesAwsDefault).toBe(true);
  });
});
