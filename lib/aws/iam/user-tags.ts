import "server-only";
import { z } from "@/lib/schemas/zod";
import { userName } from "@/lib/schemas/common";
import { op, principalTarget, requestTagContext, tagKeysContext } from "@/lib/api/operations";
import type { ContextValue } from "@/lib/iam";
import { tagResource } from "@/lib/data/tag-resource";
import { untagResource } from "@/lib/data/untag-resource";
import { listResourceTags } from "@/lib/data/list-resource-tags";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { awsTagKeys, awsTags, pagingFields } from "@/lib/aws/inputs";
import { pageOfAll, paging } from "@/lib/aws/paging";
import { tagsOut } from "@/lib/aws/shapes";
import type { Caller } from "@/lib/auth/caller";

/**
 * A user's tags: TagUser, UntagUser, ListUserTags, authorized as the console's users/{userName}/tags
 * route (lib/api/tag-routes.ts) authorizes them — the action on the user's ARN with its
 * aws:ResourceTag/… and iam:ResourceTag/…, plus aws:RequestTag/… and aws:TagKeys for what the
 * request sets or removes — and done by the same lib/data functions.
 */

async function onUser(caller: Caller, name: string, action: string, context: Record<string, ContextValue> = {}) {
  const user = await principalTarget("user", accountOf(caller), name);
  return op(accountOf(caller), action, user.arn, { ...user.resourceContext, ...context });
}

/**
 * TagUser: adds the tags or overwrites the value of keys the user has; LimitExceeded past 50.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagUser.html
 */
const tagUserOperation = awsOperation({
  service: "iam",
  action: "TagUser",
  input: z.object({ UserName: userName, Tags: awsTags.refine((list) => list.length > 0, "Give at least one tag.") }),
  authorize: (input, caller) => onUser(caller, input.UserName, "iam:TagUser", requestTagContext(input.Tags)),
  run: async (input, caller) => {
    await tagResource("user", accountOf(caller), input.UserName, input.Tags);
    return null;
  },
});

/**
 * UntagUser: keys the user does not have are ignored, as AWS ignores them.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UntagUser.html
 */
const untagUserOperation = awsOperation({
  service: "iam",
  action: "UntagUser",
  input: z.object({ UserName: userName, TagKeys: awsTagKeys }),
  authorize: (input, caller) => onUser(caller, input.UserName, "iam:UntagUser", tagKeysContext(input.TagKeys)),
  run: async (input, caller) => {
    await untagResource("user", accountOf(caller), input.UserName, input.TagKeys);
    return null;
  },
});

/**
 * ListUserTags: at most 50 tags, read whole and paged by lower-cased key (Marker, MaxItems).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUserTags.html
 */
const listUserTagsOperation = awsOperation({
  service: "iam",
  action: "ListUserTags",
  readOnly: true,
  input: z.object({ UserName: userName, ...pagingFields }),
  authorize: (input, caller) => onUser(caller, input.UserName, "iam:ListUserTags"),
  run: async (input, caller) => {
    const keyOf = (tag: { key: string }) => tag.key.toLowerCase();
    // Sorted here as the Marker compares keys (JavaScript's order, which SQLite's may not match beyond ASCII).
    const all = (await listResourceTags("user", accountOf(caller), input.UserName)).sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
    const { items, IsTruncated, Marker } = pageOfAll(all, paging(input), keyOf);
    return { Tags: tagsOut(items), IsTruncated, Marker };
  },
});

export const userTagOperations: SomeAwsOperation[] = [tagUserOperation, untagUserOperation, listUserTagsOperation];
