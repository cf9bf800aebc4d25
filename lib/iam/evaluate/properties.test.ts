/**
 * Properties of the evaluation logic that hold for any policies ("Policy evaluation logic";
 * "The difference between explicit and implicit denies").
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requestArb, statementArb, type GeneratedRequest } from "../arbitraries";
import { simulate } from "../simulate";
import { ALICE, evaluate, type RequestOptions } from "../test-support";

const options = (generated: GeneratedRequest): RequestOptions => ({
  ...generated,
  permissionsBoundary: generated.permissionsBoundary ?? undefined,
});

const decision = (generated: GeneratedRequest) => evaluate(options(generated)).decision;

describe("evaluation properties", () => {
  it("an explicit Deny that applies always wins", () => {
    fc.assert(
      fc.property(requestArb, (generated) => {
        const denial = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: generated.action, Resource: "*" }] };
        expect(decision({ ...generated, identityPolicies: [...generated.identityPolicies, denial] })).toBe("explicitDeny");
      }),
    );
  });

  it("adding an Allow statement never removes access", () => {
    fc.assert(
      fc.property(requestArb, statementArb("Allow"), fc.nat(), (generated, extra, at) => {
        fc.pre(generated.identityPolicies.length > 0);
        const before = decision(generated);
        const policies = generated.identityPolicies.map((policy, i) =>
          i === at % generated.identityPolicies.length ? { ...policy, Statement: [...policy.Statement, extra] } : policy,
        );
        const after = decision({ ...generated, identityPolicies: policies });
        if (before === "allowed") expect(after).toBe("allowed");
        if (before === "explicitDeny") expect(after).toBe("explicitDeny");
      }),
    );
  });

  it("statement and policy order do not matter", () => {
    fc.assert(
      fc.property(requestArb, (generated) => {
        const reversed = generated.identityPolicies
          .map((policy) => ({ ...policy, Statement: [...policy.Statement].reverse() }))
          .reverse();
        expect(decision({ ...generated, identityPolicies: reversed })).toBe(decision(generated));
      }),
    );
  });

  it("a Statement object equals an array of one", () => {
    fc.assert(
      fc.property(requestArb, statementArb(), (generated, statement) => {
        const asArray = { ...generated, identityPolicies: [{ Version: "2012-10-17", Statement: [statement] }] };
        const asObject = { ...options(generated), identityPolicies: [{ Version: "2012-10-17", Statement: statement }] };
        expect(evaluate(asObject).decision).toBe(decision(asArray));
      }),
    );
  });

  it("never throws, whatever the documents and the request hold", () => {
    const junk = fc.anything({ maxDepth: 3 });
    const statement = fc.record(
      { Effect: fc.constantFrom("Allow", "Deny"), Action: junk, NotAction: junk, Resource: junk, Principal: junk, NotPrincipal: junk, Condition: junk },
      { requiredKeys: ["Effect"] },
    );
    const statements = fc.oneof(junk, statement, fc.array(fc.oneof(junk, statement)));
    const document = fc.oneof(junk, fc.record({ Version: fc.constantFrom("2012-10-17", "2008-10-17"), Statement: statements }));
    fc.assert(
      fc.property(fc.oneof(junk, fc.record({ identityPolicies: fc.array(document), resourcePolicy: document, scps: junk, context: junk })), (raw) => {
        const request = typeof raw === "object" && raw !== null && !Array.isArray(raw) ? { principal: { arn: ALICE }, action: "s3:GetObject", ...raw } : raw;
        expect(() => simulate(request)).not.toThrow();
      }),
    );
  });

  it("the case of the requested action never matters", () => {
    fc.assert(
      fc.property(requestArb, fc.array(fc.boolean(), { minLength: 32, maxLength: 32 }), (generated, upper) => {
        const recased = [...generated.action].map((char, i) => (upper[i % upper.length] ? char.toUpperCase() : char.toLowerCase())).join("");
        expect(decision({ ...generated, action: recased })).toBe(decision(generated));
      }),
    );
  });
});
