import { z } from "./zod";
import { groupName, iamPath, listQuery, userName } from "@/lib/schemas/common";
import { strictObject } from "@/lib/schemas/strict";

export const createGroupBody = strictObject({ groupName, path: iamPath });
export type CreateGroupInput = z.infer<typeof createGroupBody>;

export const updateGroupBody = strictObject({ newGroupName: groupName.optional(), newPath: iamPath.unwrap().optional() }).refine(
  (b) => b.newGroupName !== undefined || b.newPath !== undefined,
  "Give newGroupName or newPath (or both) to change.",
);
export type UpdateGroupInput = z.infer<typeof updateGroupBody>;

export const GROUP_SORT_KEYS = ["name", "created", "path"] as const;
export const listGroupsQuery = listQuery(GROUP_SORT_KEYS);
export type ListGroupsInput = z.infer<typeof listGroupsQuery>;

/** POST …/groups/{groupName}/members */
export const addGroupMemberBody = strictObject({ userName });
/** POST …/users/{userName}/groups */
export const addUserToGroupBody = strictObject({ groupName });

export interface GroupSummary {
  groupName: string;
  groupId: string;
  path: string;
  arn: string;
  createdAt: string;
  memberCount: number;
  attachedPolicyCount: number;
}
