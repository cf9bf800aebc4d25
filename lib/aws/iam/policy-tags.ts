import "server-only";
import { z } from "@/lib/schemas/zod";
import { requestTagContext, tagKeysContext } from "@/lib/api/operations";
import { listPolicyTagsByArn } from "@/lib/data/policy-by-arn";
import { entityRowKey, listPolicyEntityRows } from "@/lib/data/list-policy-entity-rows";
import { tagResource } from "@/lib/data/tag-resource";
import { untagResource } from "@/lib/data/untag-resource";
import { policyArn, tagsToAdd } from "@/lib/schemas/common";
import { POLICY_USAGES, type PolicyEntityKind } from "@/lib/schemas/policy";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { awsTagKeys, awsTags, pagingFields, pathPrefix } from "@/lib/aws/inputs";
import { pageOfAll, paging } from "@/lib/aws/paging";
import { tagsOut } from "@/lib/aws/shapes";
import { customerPolicyName, onPolicyArn } from "@/lib/aws/iam/policy-shared";

/**
 * IAM's policy tag operations (TagPolicy, UntagPolicy, ListPolicyTags), authorized as the
 * console's …/policies/{policyName}/tags routes (lib/api/tag-routes.ts) with aws:RequestTag/… and
 * aws:TagKeys, and ListEntitiesForPolicy, as …/policies/{policyName}/entities.
 */

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagPolicy.html
const tagPolicyOperation = awsOperation({
  service: "iam",
  action: "TagPolicy",
  input: z.object({ PolicyArn: policyArn, Tags: awsTags.pipe(tagsToAdd) }),
  authorize: (input, caller) => onPolicyArn(caller, input.PolicyArn, "iam:TagPolicy", requestTagContext(input.Tags)),
  run: async (input, caller) => {
    await tagResource("policy", accountOf(caller), await customerPolicyName(caller, input.PolicyArn), input.Tags);
    return null;
  },
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_UntagPolicy.html
const untagPolicyOperation = awsOperation({
  service: "iam",
  action: "UntagPolicy",
  input: z.object({ PolicyArn: policyArn, TagKeys: awsTagKeys }),
  authorize: (input, caller) => onPolicyArn(caller, input.PolicyArn, "iam:UntagPolicy", tagKeysContext(input.TagKeys)),
  run: async (input, caller) => {
    await untagResource("policy", accountOf(caller), await customerPolicyName(caller, input.PolicyArn), input.TagKeys);
    return null;
  },
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListPolicyTags.html
const listPolicyTagsOperation = awsOperation({
  service: "iam",
  action: "ListPolicyTags",
  readOnly: true,
  input: z.object({ PolicyArn: policyArn, ...pagingFields }),
  authorize: (input, caller) => onPolicyArn(caller, input.PolicyArn, "iam:ListPolicyTags"),
  run: async (input, caller) => {
    const tags = await listPolicyTagsByArn(accountOf(caller), input.PolicyArn);
    const { items, IsTruncated, Marker } = pageOfAll(tags, paging(input), (tag) => tag.key.toLowerCase());
    return { Tags: tagsOut(items), IsTruncated, Marker };
  },
});

const ENTITY_FILTERS = ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"] as const;
/** EntityFilter's kinds: a managed policy is held by users, groups and roles only, so the two policy filters list nothing. */
const KINDS: Record<(typeof ENTITY_FILTERS)[number], PolicyEntityKind[]> = {
  User: ["user"],
  Role: ["role"],
  Group: ["group"],
  LocalManagedPolicy: [],
  AWSManagedPolicy: [],
};

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListEntitiesForPolicy.html
const listEntitiesForPolicyOperation = awsOperation({
  service: "iam",
  action: "ListEntitiesForPolicy",
  readOnly: true,
  input: z.object({
    PolicyArn: policyArn,
    EntityFilter: z.enum(ENTITY_FILTERS, "EntityFilter must be User, Role, Group, LocalManagedPolicy or AWSManagedPolicy.").optional(),
    PathPrefix: pathPrefix,
    PolicyUsageFilter: z.enum(POLICY_USAGES, "PolicyUsageFilter must be PermissionsPolicy or PermissionsBoundary.").optional(),
    ...pagingFields,
  }),
  authorize: (input, caller) => onPolicyArn(caller, input.PolicyArn, "iam:ListEntitiesForPolicy"),
  run: async (input, caller) => {
    const rows = await listPolicyEntityRows(accountOf(caller), input.PolicyArn, {
      kinds: input.EntityFilter ? KINDS[input.EntityFilter] : ["user", "group", "role"],
      usage: input.PolicyUsageFilter,
      pathPrefix: input.PathPrefix,
    });
    const { items, IsTruncated, Marker } = pageOfAll(rows, paging(input), entityRowKey);
    const of = (kind: PolicyEntityKind) => items.filter((row) => row.kind === kind);
    return {
      PolicyGroups: of("group").map((row) => ({ GroupName: row.name, GroupId: row.id })),
      PolicyUsers: of("user").map((row) => ({ UserName: row.name, UserId: row.id })),
      PolicyRoles: of("role").map((row) => ({ RoleName: row.name, RoleId: row.id })),
      IsTruncated,
      Marker,
    };
  },
});

export const policyTagOperations: SomeAwsOperation[] = [tagPolicyOperation, untagPolicyOperation, listPolicyTagsOperation, listEntitiesForPolicyOperation];
