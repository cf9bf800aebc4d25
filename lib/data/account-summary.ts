import "server-only";
import { db } from "@/lib/db";
import { MAX_GROUPS_PER_USER } from "@/lib/data/add-user-to-group";
import { MAX_ATTACHED_POLICIES } from "@/lib/data/attach-policy";
import { MAX_ACCESS_KEYS } from "@/lib/data/create-access-key";
import { MAX_POLICY_VERSIONS } from "@/lib/data/create-policy-version";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { POLICY_SIZE_LIMITS } from "@/lib/data/policy-documents";

/**
 * GetAccountSummary's SummaryMap: what the account holds, counted, beside IAM's quotas. The
 * quotas this console enforces are its own constants (the same ones its writes check); the others
 * are IAM's defaults from "IAM and AWS STS quotas". Entities the console does not model (server
 * certificates, signing certificates, identity providers) count zero.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountSummary.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */

/** IAM's default quotas for what the console does not itself limit. */
const DEFAULT_QUOTAS = {
  UsersQuota: 5000,
  GroupsQuota: 300,
  RolesQuota: 1000,
  PoliciesQuota: 1500,
  InstanceProfilesQuota: 1000,
  ServerCertificatesQuota: 20,
  SigningCertificatesPerUserQuota: 2,
  PolicyVersionsInUseQuota: 10000,
} as const;

export type AccountSummary = Record<string, number>;

const flag = (present: boolean): number => (present ? 1 : 0);

export async function getAccountSummary(accountId: string): Promise<AccountSummary> {
  const client = db();
  const account = await findAccountOrThrow(client, accountId);
  const [users, groups, roles, policies, instanceProfiles, mfaDevices, mfaInUse, rootMfa, rootKeys, policyVersions] = await Promise.all([
    client.user.count({ where: { accountId } }),
    client.group.count({ where: { accountId } }),
    client.role.count({ where: { accountId } }),
    client.policy.count({ where: { accountId } }),
    client.instanceProfile.count({ where: { accountId } }),
    client.mfaDevice.count({ where: { accountId } }),
    client.mfaDevice.count({ where: { accountId, enabledAt: { not: null } } }),
    client.mfaDevice.count({ where: { accountId, forRoot: true, enabledAt: { not: null } } }),
    client.accessKey.count({ where: { accountId, userId: null } }),
    // The versions of the account's own managed policies: what the quota of versions in use counts.
    client.policyVersion.count({ where: { policy: { accountId } } }),
  ]);
  return {
    Users: users,
    UsersQuota: DEFAULT_QUOTAS.UsersQuota,
    Groups: groups,
    GroupsQuota: DEFAULT_QUOTAS.GroupsQuota,
    Roles: roles,
    RolesQuota: DEFAULT_QUOTAS.RolesQuota,
    Policies: policies,
    PoliciesQuota: DEFAULT_QUOTAS.PoliciesQuota,
    InstanceProfiles: instanceProfiles,
    InstanceProfilesQuota: DEFAULT_QUOTAS.InstanceProfilesQuota,
    ServerCertificates: 0,
    ServerCertificatesQuota: DEFAULT_QUOTAS.ServerCertificatesQuota,
    Providers: 0,
    MFADevices: mfaDevices,
    MFADevicesInUse: mfaInUse,
    AccountMFAEnabled: flag(rootMfa > 0),
    AccountAccessKeysPresent: flag(rootKeys > 0),
    AccountPasswordPresent: flag(account.rootPasswordHash !== null),
    AccountSigningCertificatesPresent: 0,
    AccessKeysPerUserQuota: MAX_ACCESS_KEYS,
    SigningCertificatesPerUserQuota: DEFAULT_QUOTAS.SigningCertificatesPerUserQuota,
    GroupsPerUserQuota: MAX_GROUPS_PER_USER,
    AttachedPoliciesPerUserQuota: MAX_ATTACHED_POLICIES,
    AttachedPoliciesPerGroupQuota: MAX_ATTACHED_POLICIES,
    AttachedPoliciesPerRoleQuota: MAX_ATTACHED_POLICIES,
    UserPolicySizeQuota: POLICY_SIZE_LIMITS.userInline,
    GroupPolicySizeQuota: POLICY_SIZE_LIMITS.groupInline,
    RolePolicySizeQuota: POLICY_SIZE_LIMITS.roleInline,
    PolicySizeQuota: POLICY_SIZE_LIMITS.managedPolicy,
    AssumeRolePolicySizeQuota: POLICY_SIZE_LIMITS.trustPolicy,
    VersionsPerPolicyQuota: MAX_POLICY_VERSIONS,
    PolicyVersionsInUse: policyVersions,
    PolicyVersionsInUseQuota: DEFAULT_QUOTAS.PolicyVersionsInUseQuota,
    // Session tokens of STS's global endpoint are version 1 (valid only in default Regions) until
    // SetSecurityTokenServicePreferences changes it, which this console does not offer.
    GlobalEndpointTokenVersion: 1,
  };
}
