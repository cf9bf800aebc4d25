import "server-only";
import type { Identity } from "@/lib/auth/identity";
import { httpError } from "@/lib/errors";

/**
 * AssumeRole's session tags: the ones the request passes (Tags), and, when a role session
 * assumes another role, the calling session's transitive ones, which it inherits and may not
 * pass again ("If you pass a session tag with the same key as an inherited tag, the operation
 * fails"). TransitiveTagKeys names which of the passed tags carry on down the chain. Keys are
 * compared without case, as tag keys are.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_role-chaining
 */

export interface SessionTags {
  /** The request's Tags (aws:RequestTag/*, aws:TagKeys). */
  requested: Record<string, string>;
  /** The request's TransitiveTagKeys, spelt as in Tags (sts:TransitiveTagKeys). */
  requestedTransitive: string[];
  /** Every tag of the new session: inherited and requested. */
  all: Record<string, string>;
  /** Every transitive key of the new session: inherited and requested. */
  transitive: string[];
}

/** The calling session's transitive tags: the ones a role it assumes inherits. */
function inheritedTags(identity: Identity): Record<string, string> {
  if (!identity.role || !identity.sessionTags) return {};
  const keys = new Set((identity.transitiveTagKeys ?? []).map((key) => key.toLowerCase()));
  return Object.fromEntries(Object.entries(identity.sessionTags).filter(([key]) => keys.has(key.toLowerCase())));
}

export function sessionTagsOf(identity: Identity, tags: readonly { key: string; value: string }[], transitiveKeys: readonly string[]): SessionTags {
  const inherited = inheritedTags(identity);
  const inheritedKeys = new Map(Object.keys(inherited).map((key) => [key.toLowerCase(), key]));
  const requested: Record<string, string> = {};
  for (const { key, value } of tags) {
    const clash = inheritedKeys.get(key.toLowerCase());
    if (clash !== undefined) {
      throw httpError("InvalidParameterValue", `The session tag ${key} is already set by the calling session as a transitive tag (${clash}); a role chain cannot pass it again.`);
    }
    requested[key] = value;
  }
  const passed = new Map(Object.keys(requested).map((key) => [key.toLowerCase(), key]));
  const requestedTransitive: string[] = [];
  for (const key of transitiveKeys) {
    const spelt = passed.get(key.toLowerCase());
    if (spelt === undefined) throw httpError("InvalidParameterValue", `TransitiveTagKeys names ${key}, which is not one of the session tags passed in Tags.`);
    if (!requestedTransitive.includes(spelt)) requestedTransitive.push(spelt);
  }
  return {
    requested,
    requestedTransitive,
    all: { ...inherited, ...requested },
    transitive: [...Object.keys(inherited), ...requestedTransitive],
  };
}
