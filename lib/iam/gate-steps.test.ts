import { describe, expect, it } from "vitest";
import { gateSteps, type RequestPolicies } from "./gate-steps";
import type { EvaluationResult, MatchedStatement } from "./types";

const plain: RequestPolicies = { scpLevels: 0, rcpLevels: 0, hasResourcePolicy: false, hasBoundary: false, hasSessionPolicy: false, isRoot: false };
const statement = (source: MatchedStatement["source"], effect: MatchedStatement["effect"], level?: number): MatchedStatement => ({
  source,
  policyIndex: 0,
  statementIndex: 0,
  sid: null,
  effect,
  ...(level === undefined ? {} : { level }),
});
const result = (fields: Partial<EvaluationResult>): EvaluationResult => ({ decision: "allowed", gate: "identityPolicy", explanation: [], missingContextValues: [], ...fields });
const steps = (r: EvaluationResult, request: RequestPolicies = plain) =>
  Object.fromEntries(gateSteps(r, request, (m) => ({ policy: m.policyIndex, statement: m.statementIndex, sid: m.sid, effect: m.effect })).map((s) => [s.gate, `${s.state}${s.decisive ? "!" : ""}`]));

describe("gateSteps", () => {
  it("lists the gates in AWS's order and marks what is absent as not applicable", () => {
    const r = result({ explanation: [statement("identity", "Allow")] });
    expect(gateSteps(r, plain, () => ({ policy: 0, statement: 0, sid: null, effect: "Allow" })).map((s) => s.gate)).toEqual([
      "explicitDeny",
      "scp",
      "rcp",
      "resourcePolicy",
      "identityPolicy",
      "permissionsBoundary",
      "sessionPolicy",
    ]);
    expect(steps(r)).toEqual({
      explicitDeny: "noDeny",
      scp: "notApplicable",
      rcp: "notApplicable",
      resourcePolicy: "notApplicable",
      identityPolicy: "allowed!",
      permissionsBoundary: "notApplicable",
      sessionPolicy: "notApplicable",
    });
  });

  it("puts every Deny under the explicit-deny gate, which decides", () => {
    const r = result({ decision: "explicitDeny", gate: "explicitDeny", explanation: [statement("identity", "Allow"), statement("boundary", "Deny")] });
    const lit = steps(r, { ...plain, hasBoundary: true });
    expect(lit.explicitDeny).toBe("denied!");
    expect(lit.permissionsBoundary).toBe("noAllow");
  });

  it("needs an Allow at every SCP level", () => {
    const r = result({ decision: "implicitDeny", gate: "scp", level: 1, explanation: [statement("identity", "Allow"), statement("scp", "Allow", 0)] });
    expect(steps(r, { ...plain, scpLevels: 2 }).scp).toBe("noAllow!");
    const both = result({ explanation: [statement("identity", "Allow"), statement("scp", "Allow", 0), statement("scp", "Allow", 1)] });
    expect(steps(both, { ...plain, scpLevels: 2 }).scp).toBe("allowed");
  });

  it("marks both sides of a cross-account allow, and the root user's identity gate as not applicable", () => {
    const cross = result({ gate: "crossAccount", explanation: [statement("identity", "Allow"), statement("resource", "Allow")] });
    const lit = steps(cross, { ...plain, hasResourcePolicy: true });
    expect([lit.resourcePolicy, lit.identityPolicy]).toEqual(["allowed!", "allowed!"]);
    expect(steps(result({ gate: "rootUser" }), { ...plain, isRoot: true }).identityPolicy).toBe("notApplicable!");
  });
});

describe("gateSteps: words", () => {
  it("marks an explicit-deny gate that found no Deny as noDeny, never as allowing, and says what each gate checked", () => {
    const r = result({ decision: "implicitDeny", gate: "identityPolicy" });
    const lit = gateSteps(r, plain, (m) => m);
    const explicit = lit.find((s) => s.gate === "explicitDeny")!;
    expect(explicit.state).toBe("noDeny");
    expect(explicit.note).toMatch(/No Deny statement/);
    expect(lit.every((s) => s.checked.startsWith("Checks"))).toBe(true);
    expect(lit.find((s) => s.gate === "identityPolicy")).toMatchObject({ state: "noAllow", decisive: true, note: "No identity-based policy allows the action on the resource." });
  });
});
