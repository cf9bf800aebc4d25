import "server-only";
import { z } from "@/lib/schemas/zod";
import { policyArn, roleName } from "@/lib/schemas/common";
import { boundaryContext, requestTagContext, tagKeysContext } from "@/lib/api/operations";
import { deletePermissionsBoundary } from "@/lib/data/delete-permissions-boundary";
import { listResourceTags } from "@/lib/data/list-resource-tags";
import { putPermissionsBoundary } from "@/lib/data/put-permissions-boundary";
import { tagResource } from "@/lib/data/tag-resource";
import { untagResource } from "@/lib/data/untag-resource";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { awsTagKeys, awsTags, pagingFields } from "@/lib/aws/inputs";
import { pageOfAll, paging } from "@/lib/aws/paging";
import { tagsOut } from "@/lib/aws/shapes";
import { onRole } from "@/lib/aws/iam/role-shapes";

/**
 * A role's tags (TagRole, UntagRole, ListRoleTags) and permissions boundary
 * (PutRolePermissionsBoundary, DeleteRolePermissionsBoundary), authorized as the console's
 * roles/{roleName}/tags and …/permissions-boundary routes authorize them (lib/api/tag-routes.ts,
 * lib/api/principal-routes.ts) and done by the same lib/data functions.
 */

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagRole.html */
const tagRoleOperation = awsOperation({
  service: "iam",
  action: "TagRole",
  input: z.object({ RoleName: roleName, Tags: awsTags.refine((list) => list.length > 0, "Give at least one tag.") }),
  authorize: (input, caller) => onRole(caller, input.RoleName, "iam:TagRole", { context: requestTagContext(input.Tags) }),
  run: async (input, caller) => {
    await tagResource("role", accountOf(caller), input.RoleName, input.Tags);
    return null;
  },
});

/** Keys the role does not have are ignored, as AWS ignores them. https://docs.aws.amazon.com/IAM/latest/APIReference/API_UntagRole.html */
const untagRoleOperation = awsOperation({
  service: "iam",
  action: "UntagRole",
  input: z.object({ RoleName: roleName, TagKeys: awsTagKeys }),
  authorize: (input, caller) => onRole(caller, input.RoleName, "iam:UntagRole", { context: tagKeysContext(input.TagKeys) }),
  run: async (input, caller) => {
    await untagResource("role", accountOf(caller), input.RoleName, input.TagKeys);
    return null;
  },
});

/** At most 50 tags, read whole and paged by lower-cased key. https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRoleTags.html */
const listRoleTagsOperation = awsOperation({
  service: "iam",
  action: "ListRoleTags",
  readOnly: true,
  input: z.object({ RoleName: roleName, ...pagingFields }),
  authorize: (input, caller) => onRole(caller, input.RoleName, "iam:ListRoleTags"),
  run: async (input, caller) => {
    const keyOf = (tag: { key: string }) => tag.key.toLowerCase();
    // Sorted here as the Marker compares keys (JavaScript's order, which SQLite's may not match beyond ASCII).
    const all = (await listResourceTags("role", accountOf(caller), input.RoleName)).sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
    const { items, IsTruncated, Marker } = pageOfAll(all, paging(input), keyOf);
    return { Tags: tagsOut(items), IsTruncated, Marker };
  },
});

/** iam:PermissionsBoundary names the boundary being set. https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePermissionsBoundary.html */
const putRolePermissionsBoundaryOperation = awsOperation({
  service: "iam",
  action: "PutRolePermissionsBoundary",
  input: z.object({ RoleName: roleName, PermissionsBoundary: policyArn }),
  authorize: (input, caller) => onRole(caller, input.RoleName, "iam:PutRolePermissionsBoundary", { context: boundaryContext(input.PermissionsBoundary) }),
  run: async (input, caller) => {
    await putPermissionsBoundary("role", accountOf(caller), input.RoleName, input.PermissionsBoundary);
    return null;
  },
});

/** iam:PermissionsBoundary names the boundary being removed. https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRolePermissionsBoundary.html */
const deleteRolePermissionsBoundaryOperation = awsOperation({
  service: "iam",
  action: "DeleteRolePermissionsBoundary",
  input: z.object({ RoleName: roleName }),
  authorize: (input, caller) => onRole(caller, input.RoleName, "iam:DeleteRolePermissionsBoundary", { withBoundary: true }),
  run: async (input, caller) => {
    await deletePermissionsBoundary("role", accountOf(caller), input.RoleName);
    return null;
  },
});

export const roleExtraOperations: SomeAwsOperation[] = [
  tagRoleOperation,
  untagRoleOperation,
  listRoleTagsOperation,
  putRolePermissionsBoundaryOperation,
  deleteRolePermissionsBoundaryOperation,
];
