// Every console URL is built here, with names encoded (IAM names may hold + = , . @).
// Create pages live under /create/… because "new" is a valid IAM name: /users/new would hide
// the page of a user called "new".

import { parseIamArn } from "@/lib/arn";

const enc = encodeURIComponent;

export const paths = {
  home: () => "/",
  account: (accountId: string) => `/accounts/${enc(accountId)}`,
  settings: (accountId: string) => `/accounts/${enc(accountId)}/settings`,
  users: (accountId: string) => `/accounts/${enc(accountId)}/users`,
  newUser: (accountId: string) => `/accounts/${enc(accountId)}/create/user`,
  user: (accountId: string, userName: string, tab?: string) =>
    `/accounts/${enc(accountId)}/users/${enc(userName)}${tab ? `?tab=${tab}` : ""}`,
  groups: (accountId: string) => `/accounts/${enc(accountId)}/groups`,
  newGroup: (accountId: string) => `/accounts/${enc(accountId)}/create/group`,
  group: (accountId: string, groupName: string) => `/accounts/${enc(accountId)}/groups/${enc(groupName)}`,
  roles: (accountId: string) => `/accounts/${enc(accountId)}/roles`,
  newRole: (accountId: string) => `/accounts/${enc(accountId)}/create/role`,
  role: (accountId: string, roleName: string) => `/accounts/${enc(accountId)}/roles/${enc(roleName)}`,
  policies: (accountId: string) => `/accounts/${enc(accountId)}/policies`,
  newPolicy: (accountId: string) => `/accounts/${enc(accountId)}/create/policy`,
  policy: (accountId: string, policyName: string) => `/accounts/${enc(accountId)}/policies/${enc(policyName)}`,
  simulator: (accountId: string) => `/accounts/${enc(accountId)}/simulator`,
  whoCan: (accountId: string) => `/accounts/${enc(accountId)}/who-can`,
  history: (accountId: string, tab?: "audit") => `/accounts/${enc(accountId)}/history${tab ? `?tab=${tab}` : ""}`,
};

/** The console page of a user, group, role or policy ARN of `accountId`, if it has one. */
export function pathForArn(accountId: string, arn: string): string | undefined {
  const entity = parseIamArn(arn);
  if (entity?.partition !== "aws") return undefined;
  const { accountId: owner, kind, name } = entity;
  if (kind === "policy") return paths.policy(accountId, name);
  if (owner !== accountId) return undefined;
  if (kind === "user") return paths.user(accountId, name);
  if (kind === "group") return paths.group(accountId, name);
  return paths.role(accountId, name);
}
