import { db } from "@/lib/db";

/**
 * A canonical dump of one account: everything it holds, by name and ARN, sorted, without the
 * random ids, secrets and times a fresh write gives differently. Two dumps are equal when the
 * accounts hold the same IAM data. Its change log is listed too (action, target, summary, in
 * order), leaving out the events named in `skipActions`.
 */
export async function dumpAccount(accountId: string, skipActions: string[] = []) {
  const account = await db().account.findUnique({ where: { id: accountId } });
  if (!account) return null;
  const policyArn = new Map((await db().policy.findMany({ select: { id: true, arn: true } })).map((p) => [p.id, p.arn]));
  const arnOf = (id: string | null) => (id === null ? null : (policyArn.get(id) ?? `missing ${id}`));
  const sorted = <T>(items: T[], key: (item: T) => string) => [...items].sort((a, b) => key(a).localeCompare(key(b)));
  const tags = (rows: { key: string; value: string }[]) => sorted(rows, (t) => t.key).map((t) => `${t.key}=${t.value}`);
  const attached = (rows: { policyId: string }[]) => rows.map((r) => arnOf(r.policyId)).sort();
  const inline = (rows: { name: string; document: string }[]) => sorted(rows, (p) => p.name).map((p) => [p.name, p.document]);

  const users = await db().user.findMany({
    where: { accountId },
    include: { tags: true, groups: { include: { group: true } }, attachedPolicies: true, inlinePolicies: true, accessKeys: true, mfaDevices: true },
  });
  const groups = await db().group.findMany({ where: { accountId }, include: { members: { include: { user: true } }, attachedPolicies: true, inlinePolicies: true } });
  const roles = await db().role.findMany({ where: { accountId }, include: { tags: true, attachedPolicies: true, inlinePolicies: true } });
  const policies = await db().policy.findMany({ where: { accountId }, include: { tags: true, versions: true } });
  const mfaDevices = await db().mfaDevice.findMany({ where: { accountId }, include: { user: true } });
  const events = await db().changeEvent.findMany({ where: { accountId, action: { notIn: skipActions } }, orderBy: { id: "asc" } });

  return {
    account: {
      id: account.id,
      alias: account.alias,
      displayName: account.displayName,
      rootEmail: account.rootEmail,
      rootPassword: account.rootPasswordHash === null ? "none" : "set",
      passwordPolicy: account.passwordPolicy,
      managementAccountId: account.managementAccountId,
    },
    users: sorted(users, (u) => u.name).map((u) => ({
      name: u.name,
      path: u.path,
      arn: u.arn,
      boundary: arnOf(u.boundaryPolicyId),
      tags: tags(u.tags),
      groups: u.groups.map((m) => m.group.name).sort(),
      attached: attached(u.attachedPolicies),
      inline: inline(u.inlinePolicies),
      password: u.passwordHash === null ? "none" : `set${u.passwordResetRequired ? ", reset required" : ""}`,
      accessKeys: u.accessKeys.map((k) => k.status).sort(),
      mfaDevices: u.mfaDevices.map((d) => d.name).sort(),
    })),
    groups: sorted(groups, (g) => g.name).map((g) => ({
      name: g.name,
      path: g.path,
      arn: g.arn,
      members: g.members.map((m) => m.user.name).sort(),
      attached: attached(g.attachedPolicies),
      inline: inline(g.inlinePolicies),
    })),
    roles: sorted(roles, (r) => r.name).map((r) => ({
      name: r.name,
      path: r.path,
      arn: r.arn,
      description: r.description,
      trustPolicy: r.trustPolicy,
      maxSessionDuration: r.maxSessionDuration,
      boundary: arnOf(r.boundaryPolicyId),
      tags: tags(r.tags),
      attached: attached(r.attachedPolicies),
      inline: inline(r.inlinePolicies),
    })),
    policies: sorted(policies, (p) => p.name).map((p) => ({
      name: p.name,
      path: p.path,
      arn: p.arn,
      description: p.description,
      defaultVersionId: p.defaultVersionId,
      nextVersionNumber: p.nextVersionNumber,
      attachmentCount: p.attachmentCount,
      tags: tags(p.tags),
      versions: sorted(p.versions, (v) => v.versionId).map((v) => [v.versionId, v.document]),
    })),
    mfaDevices: sorted(mfaDevices, (d) => d.name).map((d) => ({ name: d.name, user: d.user?.name ?? null, enabled: d.enabledAt !== null, sealedSeed: d.sealedSeed !== null })),
    // Access key ids are random: the summaries name them.
    events: events.map((e) => [e.action, e.targetArn, e.summary.replace(/\bAKIA[A-Z0-9]{16}\b/g, "AKIA…")]),
  };
}

/** Rows of every table, for catching rows a reset would leave behind (tags, keys, attachments…). */
export async function tableCounts() {
  const d = db();
  return {
    accounts: await d.account.count(),
    users: await d.user.count(),
    userTags: await d.userTag.count(),
    accessKeys: await d.accessKey.count(),
    mfaDevices: await d.mfaDevice.count(),
    groups: await d.group.count(),
    memberships: await d.groupMembership.count(),
    roles: await d.role.count(),
    roleTags: await d.roleTag.count(),
    policies: await d.policy.count(),
    versions: await d.policyVersion.count(),
    policyTags: await d.policyTag.count(),
    userAttachments: await d.userPolicyAttachment.count(),
    groupAttachments: await d.groupPolicyAttachment.count(),
    roleAttachments: await d.rolePolicyAttachment.count(),
    userInline: await d.userInlinePolicy.count(),
    groupInline: await d.groupInlinePolicy.count(),
    roleInline: await d.roleInlinePolicy.count(),
  };
}

/** The attachment count of every AWS managed policy attached anywhere, by ARN. */
export async function managedAttachmentCounts() {
  const rows = await db().policy.findMany({ where: { awsManaged: true, attachmentCount: { not: 0 } }, select: { arn: true, attachmentCount: true }, orderBy: { arn: "asc" } });
  return Object.fromEntries(rows.map((r) => [r.arn, r.attachmentCount]));
}
