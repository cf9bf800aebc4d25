import "server-only";
import { deflateRawSync } from "node:zlib";
import { httpError } from "@/lib/errors";
import type { PolicyDocument } from "@/lib/iam";

/**
 * AssumeRole's session policies: the inline Policy and the managed PolicyArns together cap the
 * session ("the resulting session's permissions are the intersection of the role's
 * identity-based policy and the session policies"). Several session policies act as one: an
 * Allow in any of them counts and a Deny in any of them denies, so the engine is given one
 * document holding all their statements. STS also packs the policies and tags into a binary
 * form with a limit of its own (PackedPolicyTooLarge, PackedPolicySize as a percentage of it).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
 */

const VARIABLES_VERSION = "2012-10-17";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const asObject = (document: PolicyDocument): Record<string, Json> => {
  const value = typeof document === "string" ? (JSON.parse(document) as unknown) : document;
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, Json>) : {};
};

/** Every string in a value with "$" written as the escape "${$}", so it stays plain text under 2012-10-17. */
function escapeVariables(value: Json): Json {
  if (typeof value === "string") return value.replaceAll("$", "${$}");
  if (Array.isArray(value)) return value.map(escapeVariables);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escapeVariables(item)]));
  return value;
}

/** Resource, NotResource and condition values (never condition keys or actions) take policy variables. */
function withoutVariables(statement: Record<string, Json>): Record<string, Json> {
  const out = { ...statement };
  for (const key of ["Resource", "NotResource"]) if (key in out) out[key] = escapeVariables(out[key]);
  const condition = out.Condition;
  if (condition && typeof condition === "object" && !Array.isArray(condition)) {
    out.Condition = Object.fromEntries(
      Object.entries(condition).map(([operator, keys]) => [
        operator,
        keys && typeof keys === "object" && !Array.isArray(keys) ? Object.fromEntries(Object.entries(keys).map(([name, values]) => [name, escapeVariables(values)])) : keys,
      ]),
    );
  }
  return out;
}

/**
 * The session's one policy: the only document as it is, or every document's statements in one.
 * Sids made unique (a document may not repeat one); documents of another Version keep their
 * `${…}` as plain text, as they would have alone. Null when there is none.
 */
export function mergeSessionPolicies(documents: readonly PolicyDocument[]): string | null {
  if (documents.length === 0) return null;
  if (documents.length === 1) return typeof documents[0] === "string" ? documents[0] : JSON.stringify(documents[0]);
  const parsed = documents.map(asObject);
  const anyVariables = parsed.some((document) => document.Version === VARIABLES_VERSION);
  const seen = new Set<string>();
  const statements: Json[] = [];
  for (const document of parsed) {
    const list = Array.isArray(document.Statement) ? document.Statement : document.Statement ? [document.Statement] : [];
    for (const item of list) {
      if (!item || typeof item !== "object" || Array.isArray(item)) continue;
      let statement = anyVariables && document.Version !== VARIABLES_VERSION ? withoutVariables(item) : { ...item };
      if (typeof statement.Sid === "string" && statement.Sid !== "") {
        let sid = statement.Sid;
        for (let n = 2; seen.has(sid); n++) sid = `${statement.Sid}${n}`;
        seen.add(sid);
        statement = { ...statement, Sid: sid };
      }
      statements.push(statement);
    }
  }
  const version = anyVariables ? VARIABLES_VERSION : parsed.find((document) => typeof document.Version === "string")?.Version;
  return JSON.stringify({ ...(version ? { Version: version } : {}), Statement: statements });
}

/**
 * The packed form's limit. AWS does not publish its format; this console packs the inline
 * policy, the managed policies' ARNs and the session tags compressed (DEFLATE) and allows 2,048
 * bytes, so any inline policy of at most 2,048 characters fits while 50 tags of long random keys
 * and values do not, as in AWS ("you could receive this error even though you meet other
 * defined session policy and session tag limits").
 */
export const PACKED_LIMIT_BYTES = 2_048;

/** PackedPolicySize: how full the packed form is, in percent of its limit (rounded up). */
export function packedPolicySize(policy: string | undefined, policyArns: readonly string[], tags: Readonly<Record<string, string>>): number {
  const compact = policy === undefined ? "" : JSON.stringify(JSON.parse(policy) as unknown);
  const packed = deflateRawSync(Buffer.from(JSON.stringify([compact, policyArns, Object.entries(tags)]), "utf8"));
  return Math.ceil((packed.length * 100) / PACKED_LIMIT_BYTES);
}

/** PackedPolicyTooLarge in STS's words, above 100 percent. */
export function assertPackedSize(percent: number): void {
  if (percent > 100) throw httpError("PackedPolicyTooLarge", `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`);
}
