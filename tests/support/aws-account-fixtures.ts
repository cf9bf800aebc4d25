import { db } from "@/lib/db";
import { newUniqueId } from "@/lib/ids";
import { addUserToGroup } from "@/lib/data/add-user-to-group";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createAccessKey } from "@/lib/data/create-access-key";
import { createGroup } from "@/lib/data/create-group";
import { createPolicy } from "@/lib/data/create-policy";
import { createPolicyVersion } from "@/lib/data/create-policy-version";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { putLoginProfile } from "@/lib/data/put-login-profile";
import { putPermissionsBoundary } from "@/lib/data/put-permissions-boundary";
import { updateAccessKey } from "@/lib/data/update-access-key";
import { allow, awsPolicyArn, importTestManagedPolicies, trusting } from "@/tests/support/policies";

/**
 * An account with a bit of everything GetAccountSummary, GetAccountAuthorizationDetails and the
 * credential report read, made through the console's lib/data writes (instance profiles and MFA
 * devices written directly: only their rows matter here):
 * - users ana (/eng/, tag team=blue, console password, inline ana-inline, Shared and AWS ReadOnlyAccess
 *   attached, boundary Bound, member of devs, an enabled MFA device, two access keys of which the
 *   second is inactive) and bob (nothing but the boundary AWSLambdaBasicExecutionRole);
 * - groups devs (inline devs-inline, Shared attached) and empty;
 * - roles app (tag env=prod, inline app-inline, AWS PowerUserAccess attached, boundary Bound, in
 *   the instance profile app-profile) and idle;
 * - customer managed policies Shared (two versions, v2 default), Bound and Unused.
 */
export const DOC = {
  ana: allow("s3:GetObject", "arn:aws:s3:::ana/*"),
  devs: allow("ec2:Describe*"),
  app: allow("sqs:SendMessage"),
  sharedV1: allow("s3:ListBucket"),
  sharedV2: allow(["s3:ListBucket", "s3:GetObject"]),
  bound: allow("s3:*"),
  unused: allow("sns:Publish"),
};

export interface ArrangedAccount {
  /** ana's two access keys, the first active, the second inactive. */
  accessKeys: { accessKeyId: string; secretAccessKey: string }[];
  profileId: string;
}

export async function arrangeAccount(account: string): Promise<ArrangedAccount> {
  await importTestManagedPolicies();
  const arn = (name: string) => `arn:aws:iam::${account}:policy/${name}`;
  await createPolicy(account, { policyName: "Shared", path: "/", description: "Shared access", policyDocument: DOC.sharedV1, tags: [] });
  await createPolicyVersion(account, "Shared", { policyDocument: DOC.sharedV2, setAsDefault: true });
  await createPolicy(account, { policyName: "Bound", path: "/limits/", description: "", policyDocument: DOC.bound, tags: [] });
  await createPolicy(account, { policyName: "Unused", path: "/", description: "", policyDocument: DOC.unused, tags: [] });

  await createUser(account, { userName: "ana", path: "/eng/", tags: [{ key: "team", value: "blue" }] });
  await createUser(account, { userName: "bob", path: "/", tags: [] });
  await putLoginProfile(account, "ana", { password: "Correct-Horse-9", passwordResetRequired: false });
  await putInlinePolicy("user", account, "ana", "ana-inline", DOC.ana);
  await attachPolicy("user", account, "ana", arn("Shared"));
  await attachPolicy("user", account, "ana", awsPolicyArn("ReadOnlyAccess"));
  await putPermissionsBoundary("user", account, "ana", arn("limits/Bound"));
  await putPermissionsBoundary("user", account, "bob", awsPolicyArn("AWSLambdaBasicExecutionRole"));
  const first = await createAccessKey(account, "ana");
  const second = await createAccessKey(account, "ana");
  await updateAccessKey(account, "ana", second.accessKeyId, "Inactive");
  const ana = await db().user.findFirstOrThrow({ where: { accountId: account, nameLower: "ana" } });
  await db().mfaDevice.create({ data: { arn: `arn:aws:iam::${account}:mfa/ana-phone`, accountId: account, name: "ana-phone", nameLower: "ana-phone", userId: ana.id, enabledAt: new Date() } });
  // A device made but never enabled counts as a device, not as one in use.
  await db().mfaDevice.create({ data: { arn: `arn:aws:iam::${account}:mfa/spare`, accountId: account, name: "spare", nameLower: "spare" } });

  await createGroup(account, { groupName: "devs", path: "/" });
  await createGroup(account, { groupName: "empty", path: "/" });
  await putInlinePolicy("group", account, "devs", "devs-inline", DOC.devs);
  await attachPolicy("group", account, "devs", arn("Shared"));
  await addUserToGroup(account, "devs", "ana");

  const trust = trusting(`arn:aws:iam::${account}:root`);
  await createRole(account, { roleName: "app", path: "/svc/", description: "The app", trustPolicy: trust, maxSessionDuration: 7200, tags: [{ key: "env", value: "prod" }] });
  await createRole(account, { roleName: "idle", path: "/", description: "", trustPolicy: trust, maxSessionDuration: 3600, tags: [] });
  await putInlinePolicy("role", account, "app", "app-inline", DOC.app);
  await attachPolicy("role", account, "app", awsPolicyArn("PowerUserAccess"));
  await putPermissionsBoundary("role", account, "app", arn("limits/Bound"));
  const app = await db().role.findFirstOrThrow({ where: { accountId: account, nameLower: "app" } });
  const profileId = newUniqueId("AIPA");
  await db().instanceProfile.create({
    data: { id: profileId, accountId: account, name: "app-profile", nameLower: "app-profile", path: "/", arn: `arn:aws:iam::${account}:instance-profile/app-profile`, roleId: app.id },
  });
  const key = (created: typeof first) => ({ accessKeyId: created.accessKeyId, secretAccessKey: created.secretAccessKey });
  return { accessKeys: [key(first), key(second)], profileId };
}
