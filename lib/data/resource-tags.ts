import "server-only";
import { assertCustomerManaged, findPolicyByNameOrThrow, findRoleOrThrow, findUserOrThrow } from "@/lib/data/lookup";
import type { Tx } from "@/lib/data/write";
import type { Tag } from "@/lib/schemas/common";

// The resources IAM tags, and their tag tables, for TagUser/TagRole/TagPolicy and their
// untag and list operations, so the three share one set of rules (tag-resource.ts).

export type TaggableKind = "user" | "role" | "policy";

/** The resource's name in messages, also the suffix of its AWS actions (TagUser, UntagRole, ListPolicyTags). */
export const TAGGABLE: Record<TaggableKind, { noun: string; title: "User" | "Role" | "Policy" }> = {
  user: { noun: "user", title: "User" },
  role: { noun: "role", title: "Role" },
  policy: { noun: "policy", title: "Policy" },
};

export interface StoredTag extends Tag {
  keyLower: string;
}

/** One taggable resource and its tags; keys are matched by their lower-case form. */
export interface TaggedResource {
  name: string;
  arn: string;
  /** Its tags, by lower-case key. */
  tags(): Promise<StoredTag[]>;
  /** Adds the tag, or sets the value (and the key's spelling) of the key it already has. */
  put(tag: Tag): Promise<void>;
  /** Removes the tags with these lower-case keys. */
  remove(keysLower: string[]): Promise<void>;
}

const TAG_FIELDS = { key: true, keyLower: true, value: true } as const;
const BY_KEY = { keyLower: "asc" } as const;

/**
 * The resource by name, NoSuchEntity naming its path parameter when missing. A write to an AWS
 * managed policy's tags is refused, as every write to one is (lookup.ts: assertCustomerManaged).
 */
export async function findTaggedResourceOrThrow(
  tx: Tx,
  kind: TaggableKind,
  accountId: string,
  name: string,
  purpose: "read" | "write",
): Promise<TaggedResource> {
  switch (kind) {
    case "user": {
      const user = await findUserOrThrow(tx, accountId, name);
      const userId = user.id;
      return {
        name: user.name,
        arn: user.arn,
        tags: () => tx.userTag.findMany({ where: { userId }, select: TAG_FIELDS, orderBy: BY_KEY }),
        put: async ({ key, value }) => {
          const keyLower = key.toLowerCase();
          await tx.userTag.upsert({ where: { userId_keyLower: { userId, keyLower } }, create: { userId, key, keyLower, value }, update: { key, value } });
        },
        remove: async (keysLower) => {
          await tx.userTag.deleteMany({ where: { userId, keyLower: { in: keysLower } } });
        },
      };
    }
    case "role": {
      const role = await findRoleOrThrow(tx, accountId, name);
      const roleId = role.id;
      return {
        name: role.name,
        arn: role.arn,
        tags: () => tx.roleTag.findMany({ where: { roleId }, select: TAG_FIELDS, orderBy: BY_KEY }),
        put: async ({ key, value }) => {
          const keyLower = key.toLowerCase();
          await tx.roleTag.upsert({ where: { roleId_keyLower: { roleId, keyLower } }, create: { roleId, key, keyLower, value }, update: { key, value } });
        },
        remove: async (keysLower) => {
          await tx.roleTag.deleteMany({ where: { roleId, keyLower: { in: keysLower } } });
        },
      };
    }
    case "policy": {
      const policy = await findPolicyByNameOrThrow(tx, accountId, name);
      if (purpose === "write") assertCustomerManaged(policy);
      const policyId = policy.id;
      return {
        name: policy.name,
        arn: policy.arn,
        tags: () => tx.policyTag.findMany({ where: { policyId }, select: TAG_FIELDS, orderBy: BY_KEY }),
        put: async ({ key, value }) => {
          const keyLower = key.toLowerCase();
          await tx.policyTag.upsert({ where: { policyId_keyLower: { policyId, keyLower } }, create: { policyId, key, keyLower, value }, update: { key, value } });
        },
        remove: async (keysLower) => {
          await tx.policyTag.deleteMany({ where: { policyId, keyLower: { in: keysLower } } });
        },
      };
    }
  }
}

/** Tags as the API answers them: key and value, by lower-case key. */
export const shownTags = (tags: StoredTag[]): Tag[] => tags.map(({ key, value }) => ({ key, value }));
