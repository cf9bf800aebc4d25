import "server-only";
import { customerPolicyArn } from "@/lib/arn";
import { alreadyExists } from "@/lib/errors";
import { newUniqueId } from "@/lib/ids";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { assertValidManagedPolicyDocument } from "@/lib/data/policy-documents";
import { readPolicy } from "@/lib/data/policy-shape";
import { write } from "@/lib/data/write";
import type { CreatePolicyInput, Policy } from "@/lib/schemas/policy";

/** CreatePolicy: a customer managed policy with its document as version v1, the default. */
export async function createPolicy(accountId: string, input: CreatePolicyInput): Promise<Policy> {
  assertValidManagedPolicyDocument(input.policyDocument);
  return write(async (tx, log) => {
    await findAccountOrThrow(tx, accountId);
    const nameLower = input.policyName.toLowerCase();
    if (await tx.policy.findUnique({ where: { accountId_nameLower: { accountId, nameLower } }, select: { id: true } })) {
      throw alreadyExists(`A policy called ${input.policyName} already exists in account ${accountId}.`, "policyName");
    }
    const arn = customerPolicyArn(accountId, input.path, input.policyName);
    const policy = await tx.policy.create({
      data: {
        id: newUniqueId("ANPA"),
        accountId,
        name: input.policyName,
        nameLower,
        path: input.path,
        arn,
        description: input.description,
        defaultVersionId: "v1",
        nextVersionNumber: 2,
        versions: { create: { versionId: "v1", document: input.policyDocument } },
        tags: {
          create: input.tags.map((t) => ({ key: t.key, keyLower: t.key.toLowerCase(), value: t.value })),
        },
      },
      select: { id: true },
    });
    log({ accountId, action: "CreatePolicy", targetArn: arn, summary: `Created policy ${input.policyName}.` });
    return readPolicy(tx, policy.id, accountId);
  });
}
