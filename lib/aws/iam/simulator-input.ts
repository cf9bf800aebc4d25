import "server-only";
import { z } from "@/lib/schemas/zod";
import { parseIamArn, parseRootArn, parseStsArn } from "@/lib/iam";
import { IamError, noSuchEntity } from "@/lib/errors";
import type { ContextValue } from "@/lib/iam";
import type { Caller } from "@/lib/auth/caller";
import { accountOf } from "@/lib/aws/operation";
import { awsList, pagingFields } from "@/lib/aws/inputs";

/**
 * The policy simulator's parameters as the IAM API Reference names them (SimulatePrincipalPolicy,
 * SimulateCustomPolicy, GetContextKeysFor…Policy), with AWS's length limits; what the simulation
 * itself checks (policy grammar, work limits) is the console's own simulator's job.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ContextEntry.html
 */

/** The simulator's documented error for a parameter it cannot use (its list has no ValidationError for these). */
export const invalidInput = (message: string, field?: string) => new IamError("InvalidInput", message, field);

/** policyDocumentType: 1 to 131,072 characters. */
const policyDocument = z.string().min(1, "A policy document is at least 1 character.").max(131_072, "A policy document is at most 131,072 characters.");
/** The console's simulator takes at most 20 pasted identity policies; so does this endpoint. */
const policyInputArray = z.array(policyDocument).max(20, "At most 20 policies in PolicyInputList.");
const policyInputList = awsList(policyInputArray);
const resourceName = z.string().min(1).max(2048, "must be at most 2048 characters.");

export const CONTEXT_KEY_TYPES = ["string", "stringList", "numeric", "numericList", "boolean", "booleanList", "ip", "ipList", "binary", "binaryList", "date", "dateList"] as const;

const contextEntry = z.object({
  ContextKeyName: z.string("Each context entry needs a ContextKeyName.").min(5, "ContextKeyName is at least 5 characters.").max(256, "ContextKeyName is at most 256 characters."),
  ContextKeyValues: awsList(z.array(z.string())).default([]),
  ContextKeyType: z.enum(CONTEXT_KEY_TYPES, `ContextKeyType must be one of ${CONTEXT_KEY_TYPES.join(", ")}.`).optional(),
});
export type ContextEntry = z.infer<typeof contextEntry>;

/** What both simulations take besides the policies' source. */
const simulationFields = {
  PermissionsBoundaryPolicyInputList: awsList(z.array(policyDocument).max(1, "PermissionsBoundaryPolicyInputList takes one permissions boundary.")).optional(),
  ActionNames: awsList(z.array(z.string().min(3, "An action name is at least 3 characters.").max(128, "An action name is at most 128 characters."))),
  ResourceArns: awsList(z.array(resourceName)).optional(),
  ResourcePolicy: policyDocument.optional(),
  ResourceOwner: resourceName.optional(),
  CallerArn: resourceName.optional(),
  ContextEntries: awsList(z.array(contextEntry)).optional(),
  // EC2 scenarios (EC2-VPC-InstanceStore…) group resources AWS's simulator evaluates together; the
  // console's engine evaluates each resource on its own, so the option is accepted and has no effect.
  ResourceHandlingOption: z.string().min(1).max(64).optional(),
  ...pagingFields,
};

export const simulatePrincipalInput = z.object({
  PolicySourceArn: z.string().min(20, "PolicySourceArn is at least 20 characters.").max(2048),
  PolicyInputList: policyInputList.optional(),
  ...simulationFields,
});
export type SimulatePrincipalInput = z.infer<typeof simulatePrincipalInput>;

export const simulateCustomInput = z.object({ PolicyInputList: policyInputList, ...simulationFields });
export type SimulateCustomInput = z.infer<typeof simulateCustomInput>;

export const contextKeysForPrincipalInput = z.object({
  PolicySourceArn: z.string().min(20, "PolicySourceArn is at least 20 characters.").max(2048),
  PolicyInputList: policyInputList.optional(),
});
export const contextKeysForCustomInput = z.object({ PolicyInputList: awsList(policyInputArray.min(1, "Give at least one policy in PolicyInputList.")) });

/** A user, group or role of the caller's account, as PolicySourceArn names it. */
export interface PolicySource {
  kind: "user" | "group" | "role";
  name: string;
  /** The path as the ARN gives it: it must be the entity's own. */
  path: string;
  arn: string;
}

/**
 * PolicySourceArn: "The ARN of a user, group, or role whose policies you want to include in the
 * simulation." IAM acts in the caller's own account only; a session (assumed-role) ARN is no
 * entity with policies of its own: its role's ARN is.
 */
export function policySource(arn: string, caller: Caller): PolicySource {
  const entity = parseIamArn(arn);
  if (!entity || entity.kind === "policy") {
    const session = parseStsArn(arn);
    const hint = session?.kind === "assumed-role" ? ` An assumed-role session has no policies of its own: give its role's ARN (arn:aws:iam::${session.accountId}:role/${session.roleName}).` : "";
    throw invalidInput(`Invalid ARN ${arn} for PolicySourceArn: it must be the ARN of an IAM user, group or role.${hint}`, "PolicySourceArn");
  }
  const kind = entity.kind as PolicySource["kind"];
  if (entity.accountId !== accountOf(caller)) throw notFound(kind, entity.name);
  return { kind, name: entity.name, path: entity.path, arn };
}

/** NoSuchEntity in the data layer's words ("The user with name dana cannot be found."). */
export const notFound = (kind: PolicySource["kind"], name: string) => noSuchEntity(`The ${kind} with name ${name} cannot be found.`, "PolicySourceArn");

/** CallerArn: "You can specify only the ARN of an IAM user." */
export function callerArnOf(arn: string | undefined): string | null {
  if (arn === undefined) return null;
  if (parseIamArn(arn)?.kind !== "user") {
    throw invalidInput(`Invalid CallerArn ${arn}: it must be the ARN of an IAM user, not an assumed role, federated user or service principal.`, "CallerArn");
  }
  return arn;
}

/** ResourceOwner is an account's root ARN: arn:aws:iam::112233445566:root. */
export function resourceOwnerOf(arn: string | undefined): string | null {
  if (arn === undefined) return null;
  const root = parseRootArn(arn);
  if (!root) throw invalidInput(`Invalid ResourceOwner ${arn}: it is an account's ARN, arn:aws:iam::ACCOUNT-ID:root.`, "ResourceOwner");
  return root.accountId;
}

const VALUE_CHECKS: Partial<Record<string, { test: (value: string) => boolean; what: string }>> = {
  boolean: { test: (value) => /^(true|false)$/i.test(value), what: "true or false" },
  numeric: { test: (value) => /^-?\d+(\.\d+)?$/.test(value), what: "a number" },
  date: { test: (value) => /^\d+$/.test(value) || !Number.isNaN(Date.parse(value)), what: "a date (ISO 8601 or epoch seconds)" },
  ip: { test: (value) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(value), what: "an IP address" },
};

/**
 * ContextEntries as the engine's context: a list type's values as a multivalued key, a single
 * value as a single-valued one. Values are checked against their declared type.
 */
export function contextOf(entries: readonly ContextEntry[] | undefined): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  (entries ?? []).forEach((entry, index) => {
    const type = entry.ContextKeyType ?? "string";
    const list = type.endsWith("List");
    const check = VALUE_CHECKS[list ? type.slice(0, -4) : type];
    const bad = check ? entry.ContextKeyValues.find((value) => !check.test(value)) : undefined;
    if (check && bad !== undefined) {
      throw invalidInput(`ContextEntries.member.${index + 1}: the value ${JSON.stringify(bad)} of ${entry.ContextKeyName} is not ${check.what} (ContextKeyType ${type}).`, "ContextEntries");
    }
    const values = entry.ContextKeyValues;
    context[entry.ContextKeyName] = list || values.length !== 1 ? [...values] : values[0];
  });
  return context;
}
