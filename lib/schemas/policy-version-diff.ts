import { z } from "./zod";
import type { PolicyAccessDiffResult } from "@/lib/iam/client";
import { versionId, type PolicyVersion } from "@/lib/schemas/policy";

/** `?from=v1&to=v2`: the permission diff from one version of a managed policy to another. */
export const policyVersionDiffQuery = z.object({ from: versionId, to: versionId });
export type PolicyVersionDiffQuery = z.infer<typeof policyVersionDiffQuery>;

/** The principals of an account a managed policy reaches, counted once each. */
export interface AffectedPrincipals {
  /** Users with it attached, members of groups with it attached, and users with it as boundary. */
  users: number;
  /** Roles with it attached or as their boundary. */
  roles: number;
  /** Groups with it attached (their members are counted in `users`). */
  groups: number;
  /** Users and roles together. */
  principals: number;
  /** Of those, the ones with it as their permissions boundary. */
  viaBoundary: number;
}

export interface PolicyVersionDiff {
  policyName: string;
  from: PolicyVersion;
  to: PolicyVersion;
  /** Actions gained, lost and changed from `from` to `to`, over the whole catalog. */
  access: PolicyAccessDiffResult;
  /** The principals the policy reaches in the account (attachments, group members, boundaries). */
  affected: AffectedPrincipals;
}
