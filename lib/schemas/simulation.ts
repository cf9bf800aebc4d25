import { z } from "./zod";
import type { Decision, Effect, Gate, GateName, GateState, GateStep as IamGateStep, NearMissPart, PolicySource } from "@/lib/iam";
import { findTooDeepInText, formatPolicyPath, MAX_POLICY_DEPTH } from "@/lib/iam/client";
import { accountId } from "@/lib/schemas/common";
import { strictObject } from "@/lib/schemas/strict";

// The simulator's request (POST /api/v1/simulate) and answer. A simulation runs as a principal
// stored in the console, or as a sandbox of pasted policies; either way every action is
// evaluated on every resource, and each result names the statements behind it.

// AWS's SimulateCustomPolicy takes policies of 1 to 131,072 characters; the length check is
// O(1) and runs before anything parses the text.
const MAX_POLICY_CHARS = 131_072;

/** A policy document as text, exactly as typed (positions in results refer to this text). */
const policyText = z
  .string()
  .trim()
  .min(1, "The policy document is empty.")
  .max(MAX_POLICY_CHARS, `The policy document is too long: at most ${MAX_POLICY_CHARS.toLocaleString("en-US")} characters.`)
  .superRefine((text, ctx) => {
    // A flat scan: the parsers that run later recurse, and nesting this deep is never a policy.
    const tooDeep = findTooDeepInText(text);
    if (tooDeep) ctx.addIssue({ code: "custom", message: `The policy document nests objects and arrays more than ${MAX_POLICY_DEPTH} levels deep (at ${formatPolicyPath(tooDeep.path)}).` });
  });

/** At most this many context keys per simulation (AWS caps actions and resources the same way). */
const MAX_CONTEXT_KEYS = 50;

/** `service:Action`; wildcards are expanded by the client, as AWS's simulator asks for actions. */
const actionName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]+:[A-Za-z0-9]+$/, "Actions are written service:ActionName, for example s3:GetObject (no wildcards).");

const resourceArn = z
  .string()
  .trim()
  .min(1)
  .max(2048)
  .refine((value) => value === "*" || value.startsWith("arn:"), "A resource is an ARN (arn:…) or *.");

const principalArn = z.string().trim().regex(/^arn:aws:(iam|sts)::\d{12}:.+$/, "The sandbox principal is an IAM or STS ARN, for example arn:aws:iam::123456789012:user/sandbox.");

export const simulationPrincipal = strictObject({
  accountId,
  type: z.enum(["user", "role"]),
  name: z.string().trim().min(1).max(128),
});

export const sandboxPolicies = strictObject({
  principalArn,
  identityPolicies: z.array(policyText).max(20, "At most 20 identity policies.").default([]),
  permissionsBoundary: policyText.nullable().default(null),
});

const contextValue = z.union([z.string(), z.array(z.string()).max(50)]);

export const simulateBody = strictObject({
  principal: simulationPrincipal.optional(),
  sandbox: sandboxPolicies.optional(),
  actions: z.array(actionName).min(1, "Choose at least one action.").max(100, "At most 100 actions at once."),
  resources: z
    .array(resourceArn)
    .max(20, "At most 20 resources at once.")
    .default([])
    .transform((list) => (list.length === 0 ? ["*"] : [...new Set(list)])),
  resourcePolicy: policyText.nullable().default(null),
  /** The account that owns the resources; by default the one in the ARN, else the caller's. */
  resourceAccount: accountId.nullable().default(null),
  /** A session policy: the principal is then simulated as a session (a role's assumed-role session). */
  sessionPolicy: policyText.nullable().default(null),
  context: z
    // Counted before any key is parsed, so a body of 100,000 keys is one refusal, not 100,000.
    .custom<object>((value) => typeof value !== "object" || value === null || Object.keys(value).length <= MAX_CONTEXT_KEYS, `At most ${MAX_CONTEXT_KEYS} context keys at once.`)
    .pipe(z.record(z.string().trim().min(1).max(256), contextValue))
    .default({}),
})
  .refine((body) => (body.principal === undefined) !== (body.sandbox === undefined), {
    message: "Choose a principal or paste policies into the sandbox (one of the two).",
    path: ["principal"],
  })
  .superRefine((body, ctx) => {
    const characters = pastedCharacters(body);
    if (characters === 0) return;
    const perResource = body.resources.map((resource) => characters * (resource.length + ROW_OVERHEAD));
    const row = Math.max(...perResource);
    const total = perResource.reduce((sum, work) => sum + work, 0) * body.actions.length;
    const count = (n: number) => n.toLocaleString("en-US");
    const advice = "Choose fewer actions or resources, shorter resource ARNs, or paste shorter policies.";
    if (row > MAX_ROW_WORK) {
      ctx.addIssue({ code: "custom", path: ["resources"], message: `Matching ${count(characters)} characters of pasted policy against a resource ARN this long is ${count(row)} comparisons for one row; at most ${count(MAX_ROW_WORK)}. ${advice}` });
    } else if (total > MAX_SIMULATION_WORK) {
      ctx.addIssue({ code: "custom", path: ["actions"], message: `Matching ${count(characters)} characters of pasted policy against the resource of each of ${count(body.actions.length * body.resources.length)} rows is ${count(total)} comparisons; at most ${count(MAX_SIMULATION_WORK)}. ${advice}` });
    }
  });

/**
 * Every row matches every pasted statement against its resource ARN, so a simulation costs about
 * pasted characters × (resource length + a per-statement constant) per row. These bound one row
 * (the engine is synchronous: a row is never split) and the whole simulation to well under a
 * second: 2,000 rows of 60-character resources with 8,000 characters of pasted policy fit, and so
 * do 120 rows with one 128 KB policy, or 16 rows with a megabyte of it. Stored documents
 * are bounded by AWS's quotas instead.
 */
export const MAX_SIMULATION_WORK = 2_000_000_000;
export const MAX_ROW_WORK = 400_000_000;
/** What a row costs per pasted character besides comparing the resource (action, effect, explanation). */
const ROW_OVERHEAD = 64;

function pastedCharacters(body: { sandbox?: { identityPolicies: string[]; permissionsBoundary: string | null }; resourcePolicy: string | null; sessionPolicy: string | null }): number {
  const texts = [...(body.sandbox?.identityPolicies ?? []), body.sandbox?.permissionsBoundary ?? "", body.resourcePolicy ?? "", body.sessionPolicy ?? ""];
  return texts.reduce((sum, text) => sum + text.length, 0);
}

export type SimulationPrincipalRef = z.infer<typeof simulationPrincipal>;
export type SimulateInput = z.infer<typeof simulateBody>;

/** AWS's SourcePolicyType values (SimulatePrincipalPolicy, Statement data type). */
export type AwsSourcePolicyType = "user" | "group" | "role" | "aws-managed" | "user-managed" | "resource" | "none";

export interface Position {
  line: number;
  column: number;
}

/** One document that took part, with what is needed to name it, link to it and show it. */
export interface SimulatedPolicy {
  /** AWS's SourcePolicyId: the managed policy's name, the inline policy's name, or a label. */
  id: string;
  source: PolicySource;
  awsType: AwsSourcePolicyType;
  name: string;
  /** Managed policies only. */
  arn: string | null;
  /** The console page of the policy, or of the user, group or role that embeds it. */
  link: { accountId: string; kind: "policy" | "user" | "group" | "role"; name: string } | null;
  /** For a user: the group the policy comes through. */
  viaGroup: string | null;
  /** The document as pretty JSON text; statement positions point into it. */
  text: string;
  /** Per statement index: where the statement starts and ends in `text` (1-based). */
  statements: { start: Position; end: Position }[];
}

/** A statement that applied, by index into `policies`. */
export interface SimulatedStatement {
  policy: number;
  statement: number;
  sid: string | null;
  effect: Effect;
  level?: number;
}

export type { GateName, GateState };

/** One step of "How AWS enforcement code logic evaluates requests", lit for this request (lib/iam/gate-steps.ts). */
export type GateStep = IamGateStep<SimulatedStatement>;

/**
 * An Allow statement whose action matches but whose resource, NotResource or condition does not
 * (lib/iam/near-miss.ts): `text` follows the statement's name ("MyBucketReadOnly, statement 1 …").
 */
export interface SimulatedNearMiss {
  statement: SimulatedStatement;
  part: NearMissPart;
  text: string;
}

export interface SimulationRow {
  action: string;
  resource: string;
  /** The account that owns the resource, as the simulation assumed it. */
  resourceAccount: string;
  decision: Decision;
  gate: Gate;
  level?: number;
  reason: string;
  /** AWS's AccessDenied message for this request when it is refused ("User: … is not authorized to perform: …"); null when allowed. */
  accessDenied: string | null;
  /** Every statement that applied; for AWS's MatchedStatements only the deciding ones are kept. */
  matched: SimulatedStatement[];
  missingContextValues: string[];
  steps: GateStep[];
  /** For an implicit deny: the statements that nearly allowed it (at most a few). */
  nearMisses: SimulatedNearMiss[];
  /** Indexes into `policies` of the resource-based policy used for this resource, if any. */
  resourcePolicy: number | null;
}

/**
 * A grammar error in a document that took part. Any such error makes every decision it touches
 * `invalidPolicy`; each is reported once for the whole simulation, not once per row.
 */
export interface SimulationIssue {
  /** Index into `policies`; null for a document the results do not list. */
  policy: number | null;
  /** The policy's name (as in `policies`), else the engine's name for the document. */
  document: string;
  code: string;
  message: string;
  /** Within the document, e.g. `Statement[1].Effect`; empty for the whole document. */
  path: string;
}

export interface SimulationResult {
  principal: { arn: string; kind: "user" | "role" | "sandbox"; accountId: string; name: string; sessionArn: string | null };
  policies: SimulatedPolicy[];
  rows: SimulationRow[];
  /** Every error of every invalid document, once (at most 100 per document); empty when all are valid. */
  errors: SimulationIssue[];
  /** Context keys the applicable statements read, given or missing: the form offers them. */
  contextKeys: string[];
}
