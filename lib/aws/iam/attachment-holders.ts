import "server-only";
import { z } from "@/lib/schemas/zod";
import { groupName, roleName, userName } from "@/lib/schemas/common";
import { entityOperation, ownBoundary, type Target } from "@/lib/api/operations";
import type { Operation } from "@/lib/auth/authorize";
import type { PolicyHolderKind } from "@/lib/data/policy-holders";
import { IamError } from "@/lib/errors";
import type { ContextValue } from "@/lib/iam";

/**
 * What the attached-policy and inline-policy operations share: users, groups and roles hold
 * policies alike, so each operation is written once per verb and made for the three kinds (as
 * lib/api/principal-routes.ts does for the console's routes).
 */

export interface Holder {
  kind: PolicyHolderKind;
  /** "User": the word in the action's name (AttachUserPolicy). */
  word: "User" | "Group" | "Role";
  /** The Query API's parameter naming the holder: UserName, GroupName, RoleName. */
  param: "UserName" | "GroupName" | "RoleName";
  /** That parameter's rule, the console's own (lib/schemas/common.ts). */
  name: z.ZodString;
}

export const USER: Holder = { kind: "user", word: "User", param: "UserName", name: userName };
export const GROUP: Holder = { kind: "group", word: "Group", param: "GroupName", name: groupName };
export const ROLE: Holder = { kind: "role", word: "Role", param: "RoleName", name: roleName };

/**
 * The operation's parameters and the holder's (UserName, GroupName or RoleName). The parsed input
 * keeps AWS's names, as the audit trail records them; `holderName` reads the holder's back.
 */
export const withHolder = <S extends z.ZodRawShape>(holder: Holder, shape: S) =>
  // The key is one of three literals chosen at run time: TypeScript cannot name it in the output
  // type, so the holder's value is typed by the index signature and read through holderName.
  z.object({ ...shape, [holder.param]: holder.name }) as unknown as z.ZodType<z.output<z.ZodObject<S>> & Partial<Record<Holder["param"], string>>>;

/** The holder's name from an input made by withHolder (the schema made it required). */
export const holderName = (holder: Holder, input: Partial<Record<Holder["param"], string>>): string => input[holder.param] ?? "";

/** `iam:{action}` on the holder's ARN, declared as the console's routes declare it (entityOperation). */
export const onHolder = (holder: Holder, account: string, name: string, action: string, extra?: (target: Target) => Record<string, ContextValue>): Promise<Operation> =>
  entityOperation(holder.kind, account, name, `iam:${action}`, extra);

export { ownBoundary };

/**
 * Runs a data-layer call and answers its NoSuchEntity about `field` in AWS's own words (the CLI
 * and scripts match on them); every other error passes unchanged.
 */
export async function inAwsWords<T>(run: () => Promise<T>, field: string, message: string): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof IamError && err.code === "NoSuchEntity" && err.field === field) throw new IamError("NoSuchEntity", message, field);
    throw err;
  }
}
