import { customerPolicyArn, groupArn, roleArn, userArn } from "@/lib/arn";
import { newUniqueId } from "@/lib/ids";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { insertRows } from "@/prisma/seed/bulk-insert";

/** What the bench database holds besides the AWS managed policies. */
export const BENCH = {
  accountId: "999988887777",
  users: 10_000,
  roles: 2_000,
  policies: 1_500,
  groups: 100,
} as const;

/** AWS managed policies spread over the bench users (the attach bench uses another one). */
const AWS_FOR_USERS = ["ReadOnlyAccess", "PowerUserAccess", "AmazonEC2ReadOnlyAccess", "CloudWatchReadOnlyAccess"];
export const ATTACH_BENCH_POLICY = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

const pad = (n: number) => String(n).padStart(5, "0");
export const benchUserName = (i: number) => `user-${pad(i)}`;

const document = (i: number) =>
  JSON.stringify(
    { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: [`arn:aws:s3:::bucket-${i}`, `arn:aws:s3:::bucket-${i}/*`] }] },
    null,
    2,
  );
const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] }, null, 2);

/**
 * Writes the bench account in one transaction with multi-row INSERTs: customer policies, users
 * (two tags, one group, one customer and one AWS managed policy each), groups and roles, with
 * every attachmentCount equal to its attachments.
 */
export async function seedBulk(client: PrismaClient): Promise<void> {
  const { accountId } = BENCH;
  const now = Date.now();
  const at = (i: number) => new Date(now - (BENCH.users - i) * 60_000);
  const aws = await client.policy.findMany({ where: { name: { in: AWS_FOR_USERS }, awsManaged: true }, select: { id: true } });
  if (aws.length !== AWS_FOR_USERS.length) throw new Error("Import the AWS managed policies first.");

  const policies = Array.from({ length: BENCH.policies }, (_, i) => ({ id: newUniqueId("ANPA"), name: `bench-policy-${pad(i)}` }));
  const users = Array.from({ length: BENCH.users }, (_, i) => ({ id: newUniqueId("AIDA"), name: benchUserName(i) }));
  const groups = Array.from({ length: BENCH.groups }, (_, i) => ({ id: newUniqueId("AGPA"), name: `group-${pad(i)}` }));
  const roles = Array.from({ length: BENCH.roles }, (_, i) => ({ id: newUniqueId("AROA"), name: `role-${pad(i)}` }));
  const customerOf = (i: number) => policies[i % policies.length];
  const counts = new Map<string, number>();
  const count = (policyId: string) => counts.set(policyId, (counts.get(policyId) ?? 0) + 1);
  users.forEach((_, i) => (count(customerOf(i).id), count(aws[i % aws.length].id)));
  groups.forEach((_, i) => count(customerOf(i + 7).id));
  roles.forEach((_, i) => count(customerOf(i + 13).id));

  await client.$transaction(
    async (tx) => {
      await tx.account.create({ data: { id: accountId, alias: "bench", displayName: "Bench", rootEmail: "bench@example.com" } });
      await insertRows(tx, "Policy", ["id", "accountId", "name", "nameLower", "path", "arn", "attachmentCount", "createdAt", "updatedAt"],
        policies.map((p, i) => [p.id, accountId, p.name, p.name.toLowerCase(), "/", customerPolicyArn(accountId, "/", p.name), counts.get(p.id) ?? 0, at(i), at(i)]));
      await insertRows(tx, "PolicyVersion", ["policyId", "versionId", "document", "createdAt"], policies.map((p, i) => [p.id, "v1", document(i), at(i)]));
      for (const { id } of aws) await tx.policy.update({ where: { id }, data: { attachmentCount: { increment: counts.get(id) ?? 0 } } });
      await insertRows(tx, "User", ["id", "accountId", "name", "nameLower", "path", "arn", "createdAt"],
        users.map((u, i) => [u.id, accountId, u.name, u.name.toLowerCase(), "/", userArn(accountId, "/", u.name), at(i)]));
      await insertRows(tx, "UserTag", ["userId", "key", "keyLower", "value"],
        users.flatMap((u, i) => [[u.id, "team", "team", `team-${i % 20}`], [u.id, "cost-center", "cost-center", `CC-${1000 + (i % 50)}`]]));
      await insertRows(tx, "Group", ["id", "accountId", "name", "nameLower", "path", "arn"],
        groups.map((g) => [g.id, accountId, g.name, g.name.toLowerCase(), "/", groupArn(accountId, "/", g.name)]));
      await insertRows(tx, "GroupMembership", ["groupId", "userId"], users.map((u, i) => [groups[i % groups.length].id, u.id]));
      await insertRows(tx, "UserPolicyAttachment", ["userId", "policyId"],
        users.flatMap((u, i) => [[u.id, customerOf(i).id], [u.id, aws[i % aws.length].id]]));
      await insertRows(tx, "GroupPolicyAttachment", ["groupId", "policyId"], groups.map((g, i) => [g.id, customerOf(i + 7).id]));
      await insertRows(tx, "Role", ["id", "accountId", "name", "nameLower", "path", "arn", "trustPolicy", "createdAt"],
        roles.map((r, i) => [r.id, accountId, r.name, r.name.toLowerCase(), "/", roleArn(accountId, "/", r.name), trust, at(i)]));
      await insertRows(tx, "RolePolicyAttachment", ["roleId", "policyId"], roles.map((r, i) => [r.id, customerOf(i + 13).id]));
    },
    { timeout: 300_000 },
  );
}
