import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDocumentCache, createEvaluator, prepareRequest } from "../simulate";
import { request } from "../test-support";
import type { ContextValue } from "../types";
import { assumableRoles, roleAssumers } from "./assume";
import { inventory, principal, role } from "./test-support";
import type { InventoryPrincipal, InventoryRole } from "./types";

// The rule of "with more context": a principal is listed only if some values of the keys the
// request lacked make the engine allow it, and then with those values; a principal in neither
// list is allowed by no context. Checked against the engine's front door (validate, compile,
// evaluate) over generated principals, trust policies and conditions: every subset of the keys
// the policies' conditions mention, each with the policies' own condition values or a value that
// matches none. "IAM JSON policy elements: Condition", "Policy evaluation logic",
// "Cross-account policy evaluation logic":
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html

const HOME = "111122223333";
const AWAY = "444455556666";
const USERS = [`arn:aws:iam::${HOME}:user/ann`, `arn:aws:iam::${HOME}:user/ben`, `arn:aws:iam::${AWAY}:user/cat`];
const ROLES = [`arn:aws:iam::${HOME}:role/Target`, `arn:aws:iam::${HOME}:role/Other`];
/** A value none of the conditions' values matches. */
const NONE = "matches-none";

// Keys the engine does not derive from the principal: what "more context" can add.
const CONDITIONS: Record<string, Record<string, string>>[] = [
  { Bool: { "aws:MultiFactorAuthPresent": "true" } },
  { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
  { Null: { "aws:MultiFactorAuthPresent": "true" } },
  { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
  { NotIpAddressIfExists: { "aws:SourceIp": "203.0.113.0/24" } },
  { StringEquals: { "sts:ExternalId": "ext-1" } },
  { StringLike: { "sts:ExternalId": "ext-*" } },
  { StringNotEquals: { "sts:ExternalId": "ext-1" } },
  { Null: { "sts:ExternalId": "false" } },
  { NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } },
  { StringEqualsIfExists: { "aws:RequestedRegion": "eu-west-1" } },
  { Bool: { "aws:MultiFactorAuthPresent": "true" }, StringEquals: { "aws:RequestedRegion": "eu-west-1" } },
];

const condition = fc.option(fc.constantFrom(...CONDITIONS), { nil: undefined, freq: 2 });
const withCondition = (statement: Record<string, unknown>, when: object | undefined) => (when ? { ...statement, Condition: when } : statement);

const identityStatement = fc
  .record({
    effect: fc.constantFrom("Allow", "Allow", "Deny"),
    action: fc.constantFrom("sts:AssumeRole", "sts:*", "s3:*", "*"),
    resource: fc.constantFrom("*", ...ROLES, "arn:aws:iam::*:role/Else"),
    when: condition,
  })
  .map(({ effect, action, resource, when }) => withCondition({ Effect: effect, Action: action, Resource: resource }, when));
const identityPolicy = fc.array(identityStatement, { minLength: 1, maxLength: 2 }).map((Statement) => ({ Version: "2012-10-17", Statement }));

const trustStatement = fc
  .record({
    effect: fc.constantFrom("Allow", "Allow", "Deny"),
    who: fc.constantFrom<unknown>({ AWS: HOME }, { AWS: `arn:aws:iam::${AWAY}:root` }, { AWS: USERS[0] }, { AWS: USERS[2] }, { AWS: ROLES[1] }, "*"),
    when: condition,
  })
  .map(({ effect, who, when }) => withCondition({ Effect: effect, Principal: who, Action: "sts:AssumeRole" }, when));
const trustPolicy = fc.array(trustStatement, { minLength: 1, maxLength: 2 }).map((Statement) => ({ Version: "2012-10-17", Statement }));

interface Spec {
  arn: string;
  identity: object[];
  boundary: object | null;
  trust: object | null;
}

const spec = (arn: string, trust: boolean) =>
  fc.record({
    arn: fc.constant(arn),
    identity: fc.array(identityPolicy, { maxLength: 2 }),
    boundary: fc.option(identityPolicy, { nil: null, freq: 3 }),
    trust: trust ? trustPolicy : fc.constant(null),
  });

const world = fc.tuple(fc.tuple(...USERS.map((arn) => spec(arn, false))), fc.tuple(...ROLES.map((arn) => spec(arn, true))));

/** Every condition key the documents mention, with the values they give it. */
function conditionValues(documents: readonly object[]): Map<string, Set<string>> {
  const values = new Map<string, Set<string>>();
  for (const document of documents) {
    for (const statement of (document as { Statement: { Condition?: Record<string, Record<string, string>> }[] }).Statement) {
      for (const block of Object.values(statement.Condition ?? {})) {
        for (const [key, value] of Object.entries(block)) {
          if (!values.has(key)) values.set(key, new Set());
          values.get(key)!.add(value);
        }
      }
    }
  }
  return values;
}

/** Every context: each key absent, or one of its values, or NONE. */
function* contexts(values: Map<string, Set<string>>): Generator<Record<string, ContextValue>> {
  const keys = [...values.keys()];
  function* from(at: number, context: Record<string, ContextValue>): Generator<Record<string, ContextValue>> {
    if (at === keys.length) {
      yield context;
      return;
    }
    yield* from(at + 1, context);
    for (const value of [...values.get(keys[at])!, NONE]) yield* from(at + 1, { ...context, [keys[at]]: value });
  }
  yield* from(0, {});
}

/** Generated documents are shared between requests: each is validated and compiled once. */
const documents = createDocumentCache();

/** The engine's front door for sts:AssumeRole by `asker` on `target`. */
function evaluatorFor(asker: Spec, target: Spec) {
  const prepared = prepareRequest(
    request({
      principal: asker.arn,
      identityPolicies: asker.identity,
      permissionsBoundary: asker.boundary ?? undefined,
      resourcePolicy: target.trust,
      resourceAccount: HOME,
      action: "sts:AssumeRole",
      resource: target.arn,
    }),
    "evaluate",
    documents,
  );
  if (!prepared.ok) throw new Error(prepared.error);
  expect(prepared.errors).toEqual([]);
  const evaluator = createEvaluator(prepared);
  return (context: Record<string, ContextValue>) => evaluator.evaluate("sts:AssumeRole", target.arn, context).decision;
}

function build(users: Spec[], roles: Spec[]) {
  const make = (s: Spec) => ({ arn: s.arn, identity: s.identity, ...(s.boundary ? { boundary: s.boundary } : {}) });
  const principals: (InventoryPrincipal | InventoryRole)[] = [...users.map((s) => principal(make(s))), ...roles.map((s) => role({ ...make(s), trust: s.trust }))];
  return inventory([HOME, AWAY], principals);
}

describe("with more context (property)", () => {
  it("lists a principal only with a context that allows it, and no context allows one in neither list", () => {
    fc.assert(
      fc.property(world, ([users, roles]) => {
        const everyone = build(users, roles);
        const specs = [...users, ...roles];
        const sides = new Map(everyone.users.map((user) => [user.arn, assumableRoles(everyone, user, {})]));
        for (const target of roles) {
          const targetRole = everyone.roles.find((r) => r.arn === target.arn)!;
          const { assumers, conditional } = roleAssumers(everyone, targetRole, {});
          const listed = new Map(conditional.map((c) => [c.principal.arn, c.context]));
          for (const asker of specs) {
            if (asker.arn === target.arn) continue;
            const decide = evaluatorFor(asker, target);
            const stated = listed.get(asker.arn);
            if (assumers.some((a) => a.arn === asker.arn)) {
              expect(decide({})).toBe("allowed");
            } else if (stated) {
              expect(decide({})).not.toBe("allowed");
              expect(decide(stated)).toBe("allowed");
            } else {
              for (const context of contexts(conditionValues([...asker.identity, ...(asker.boundary ? [asker.boundary] : []), target.trust!]))) {
                if (decide(context) === "allowed") expect.fail(`${asker.arn} is in neither list, yet ${JSON.stringify(context)} allows it`);
              }
            }
          }
          // The user's side gives the same answer.
          for (const [user, side] of sides) {
            expect(side.roles.some((r) => r.role.arn === target.arn)).toBe(assumers.some((a) => a.arn === user));
            expect(side.conditional.find((c) => c.role.arn === target.arn)?.context).toEqual(listed.get(user));
          }
        }
      }),
      { numRuns: 250 },
    );
  });
});
