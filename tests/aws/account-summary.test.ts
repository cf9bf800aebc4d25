import { describe, expect, it } from "vitest";
import { CreateUserCommand, GetAccountSummaryCommand } from "@aws-sdk/client-iam";
import { db } from "@/lib/db";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { createUser } from "@/lib/data/create-user";
import { freshAccount } from "@/tests/support/identity";
import { allow } from "@/tests/support/policies";
import { arrangeAccount } from "@/tests/support/aws-account-fixtures";
import { iamClient, rootCredentials, userCredentials } from "@/tests/support/aws";

// IAM API Reference: GetAccountSummary (SummaryMap, its keys as the reference lists them).
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountSummary.html

/** Every key of the SummaryMap in the API Reference's list. */
const KEYS = [
  "Users", "UsersQuota", "Groups", "GroupsQuota", "ServerCertificates", "ServerCertificatesQuota", "UserPolicySizeQuota", "GroupPolicySizeQuota",
  "GroupsPerUserQuota", "SigningCertificatesPerUserQuota", "AccessKeysPerUserQuota", "MFADevices", "MFADevicesInUse", "AccountMFAEnabled",
  "AccountAccessKeysPresent", "AccountPasswordPresent", "AccountSigningCertificatesPresent", "AttachedPoliciesPerGroupQuota",
  "AttachedPoliciesPerRoleQuota", "AttachedPoliciesPerUserQuota", "Policies", "PoliciesQuota", "PolicySizeQuota", "PolicyVersionsInUse",
  "PolicyVersionsInUseQuota", "VersionsPerPolicyQuota", "GlobalEndpointTokenVersion", "AssumeRolePolicySizeQuota", "InstanceProfiles",
  "InstanceProfilesQuota", "Providers", "RolePolicySizeQuota", "Roles", "RolesQuota",
];

describe("GetAccountSummary with the real IAM client", () => {
  it("answers every SummaryMap key, counting what the account holds", async () => {
    const account = await freshAccount();
    await arrangeAccount(account);
    const iam = iamClient(await rootCredentials(account));
    const { SummaryMap: summary } = await iam.send(new GetAccountSummaryCommand({}));
    expect(Object.keys(summary ?? {}).sort()).toEqual([...KEYS].sort());
    expect(summary).toMatchObject({
      Users: 2,
      Groups: 2,
      Roles: 2,
      Policies: 3,
      InstanceProfiles: 1,
      MFADevices: 2,
      MFADevicesInUse: 1,
      // Shared has two versions, Bound and Unused one each.
      PolicyVersionsInUse: 4,
      // The root user has the access key these calls are signed with, but no MFA and no password.
      AccountAccessKeysPresent: 1,
      AccountMFAEnabled: 0,
      AccountPasswordPresent: 0,
      AccountSigningCertificatesPresent: 0,
      ServerCertificates: 0,
      Providers: 0,
      GlobalEndpointTokenVersion: 1,
    });
    // The quotas the console enforces, and IAM's defaults for the rest.
    expect(summary).toMatchObject({
      UsersQuota: 5000,
      GroupsQuota: 300,
      RolesQuota: 1000,
      PoliciesQuota: 1500,
      InstanceProfilesQuota: 1000,
      ServerCertificatesQuota: 20,
      AccessKeysPerUserQuota: 2,
      SigningCertificatesPerUserQuota: 2,
      GroupsPerUserQuota: 10,
      AttachedPoliciesPerUserQuota: 10,
      AttachedPoliciesPerGroupQuota: 10,
      AttachedPoliciesPerRoleQuota: 10,
      UserPolicySizeQuota: 2048,
      GroupPolicySizeQuota: 5120,
      RolePolicySizeQuota: 10240,
      PolicySizeQuota: 6144,
      AssumeRolePolicySizeQuota: 2048,
      VersionsPerPolicyQuota: 5,
      PolicyVersionsInUseQuota: 10000,
    });
  });

  it("follows the root user's credentials: MFA and password present, no access key", async () => {
    const account = await freshAccount();
    await createUser(account, { userName: "reader", path: "/", tags: [] });
    await putInlinePolicy("user", account, "reader", "summary", allow("iam:GetAccountSummary"));
    await db().account.update({ where: { id: account }, data: { rootPasswordHash: "scrypt$stand-in", rootPasswordSetAt: new Date() } });
    await db().mfaDevice.create({ data: { arn: `arn:aws:iam::${account}:mfa/root-account-mfa-device`, accountId: account, name: "root-account-mfa-device", nameLower: "root-account-mfa-device", forRoot: true, enabledAt: new Date() } });
    const { SummaryMap: summary } = await iamClient(await userCredentials(account, "reader")).send(new GetAccountSummaryCommand({}));
    expect(summary).toMatchObject({ Users: 1, Groups: 0, Roles: 0, Policies: 0, AccountAccessKeysPresent: 0, AccountMFAEnabled: 1, AccountPasswordPresent: 1, MFADevices: 1, MFADevicesInUse: 1 });
    // A read: allowed reads are not in the audit trail.
    expect(await db().auditEvent.count({ where: { accountId: account, eventName: "GetAccountSummary" } })).toBe(0);
  });

  it("refuses a user without permission with AWS's AccessDenied message, and audits the refusal", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await root.send(new CreateUserCommand({ UserName: "nopolicy" }));
    const denied = await iamClient(await userCredentials(account, "nopolicy"))
      .send(new GetAccountSummaryCommand({}))
      .then(() => null, (err: unknown) => err as { name: string; message: string; $metadata: { httpStatusCode: number } });
    expect(denied).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
    expect(denied?.message).toBe(
      `User: arn:aws:iam::${account}:user/nopolicy is not authorized to perform: iam:GetAccountSummary on resource: * because no identity-based policy allows the iam:GetAccountSummary action`,
    );
    const audit = await db().auditEvent.findMany({ where: { accountId: account, eventName: "GetAccountSummary" } });
    expect(audit.map((a) => [a.eventSource, a.errorCode, a.readOnly])).toEqual([["iam.amazonaws.com", "AccessDenied", true]]);
    // Allowed once the user may: the same engine decides.
    await putInlinePolicy("user", account, "nopolicy", "summary", allow("iam:GetAccountSummary"));
    expect((await iamClient(await userCredentials(account, "nopolicy")).send(new GetAccountSummaryCommand({}))).SummaryMap?.Users).toBe(1);
  });
});
