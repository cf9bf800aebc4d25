"use client";

// Tags of users, roles and customer managed policies: one set of routes, …/{kind}/{name}/tags.

import { api, qs, seg } from "./api";
import type { Tag } from "./types";
import { useAccountMutation } from "./use-mutation";

/** A resource IAM tags, by its path under the account. */
export interface TaggableRef {
  accountId: string;
  kind: "users" | "roles" | "policies";
  name: string;
  /** Its ARN, when known: what "Manage tags" asks permission on. */
  arn?: string;
}

const path = ({ accountId, kind, name }: TaggableRef) => `/accounts/${seg(accountId)}/${kind}/${seg(name)}/tags`;

export function useTagResource(ref: TaggableRef) {
  return useAccountMutation(ref.accountId, (tags: Tag[]) => api<void>(path(ref), "PUT", { tags }));
}

export function useUntagResource(ref: TaggableRef) {
  return useAccountMutation(ref.accountId, (tagKeys: string[]) => api<void>(`${path(ref)}${qs({ keys: tagKeys.join(",") })}`, "DELETE"));
}
