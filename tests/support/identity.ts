import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { createAccount } from "@/lib/data/create-account";
import { customerPolicyArn } from "@/lib/arn";
import { newUniqueId } from "@/lib/ids";

/** A fresh account with a unique alias, so tests in one file never see each other's data. */
export async function freshAccount(): Promise<string> {
  const alias = `t-${randomBytes(6).toString("hex")}`;
  const account = await createAccount({ alias, displayName: "Test", rootEmail: "root@example.com" });
  return account.accountId;
}

/** A customer managed policy row, written directly: only its identity and counts matter here. */
export async function customerPolicy(accountId: string, name: string) {
  return db().policy.create({
    data: {
      id: newUniqueId("ANPA"),
      accountId,
      name,
      nameLower: name.toLowerCase(),
      arn: customerPolicyArn(accountId, "/", name),
      versions: {
        create: {
          versionId: "v1",
          document: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
        },
      },
    },
  });
}

/** Attaches a managed policy to a user the way AttachUserPolicy does: row plus count. */
export async function attachToUser(userId: string, policyId: string) {
  await db().userPolicyAttachment.create({ data: { userId, policyId } });
  await db().policy.update({ where: { id: policyId }, data: { attachmentCount: { increment: 1 } } });
}

export async function attachToGroup(groupId: string, policyId: string) {
  await db().groupPolicyAttachment.create({ data: { groupId, policyId } });
  await db().policy.update({ where: { id: policyId }, data: { attachmentCount: { increment: 1 } } });
}

export const attachmentCount = async (policyId: string) =>
  (await db().policy.findUniqueOrThrow({ where: { id: policyId } })).attachmentCount;

/** Events of the account, oldest first. */
export async function events(accountId: string) {
  const rows = await db().changeEvent.findMany({ where: { accountId }, orderBy: { id: "asc" } });
  return rows.map((e) => ({ action: e.action, targetArn: e.targetArn, summary: e.summary }));
}
