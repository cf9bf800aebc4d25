// Response shapes of the /api/v1 contract (docs/api.md), as the browser receives them. They are
// the server's own types (lib/schemas), imported as types only, so no server code reaches the
// browser bundle.
import type { User } from "@/lib/schemas/user";

export type { Page, Tag } from "@/lib/schemas/common";
export type { Account, ChangeEvent } from "@/lib/schemas/account";
export type { User, UserSummary } from "@/lib/schemas/user";
export type { GroupSummary } from "@/lib/schemas/group";
export type { Role, RoleSummary } from "@/lib/schemas/role";
export type {
  AttachedPolicy,
  InlinePolicy,
  Policy,
  PolicyEntities,
  PolicyEntity,
  PolicyScope,
  PolicySummary,
  PolicyUsage,
  PolicyVersion,
} from "@/lib/schemas/policy";
export type { AccessKey, AccessKeyStatus, MfaDevice, NewAccessKey, NewVirtualMfaDevice } from "@/lib/schemas/credentials";

export type BoundaryRef = NonNullable<User["permissionsBoundary"]>;

/** The three kinds of principal that hold policies. */
export type PrincipalKind = "users" | "groups" | "roles";

export type SortOrder = "asc" | "desc";

export interface ListParams {
  search: string;
  sort: string;
  order: SortOrder;
  page: number;
  pageSize: number;
}
