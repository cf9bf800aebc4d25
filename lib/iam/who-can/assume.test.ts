import { describe, expect, it } from "vitest";
import { policy, allow, deny } from "../test-support";
import { assumableRoles, roleAssumers } from "./assume";
import { inventory, principal, role } from "./test-support";

// "Policy evaluation logic" (a role's trust policy must name the caller; naming the account
// delegates to the caller's identity-based policies; a permissions boundary caps both):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
// "Cross-account policy evaluation logic" (another account's principal needs both its own
// policies and the trust policy):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
// "IAM JSON policy elements: Condition" (a condition on a key the request lacks):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html

const PROD = "111122223333";
const SECURITY = "444455556666";
const AUDITOR = `arn:aws:iam::${SECURITY}:role/Auditor`;
const user = (name: string) => `arn:aws:iam::${PROD}:user/${name}`;
const MFA = { "aws:MultiFactorAuthPresent": "true" };

const trustPolicy = (principalElement: unknown, condition?: object) =>
  policy({ Effect: "Allow", Principal: principalElement, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) });
const everything = policy(allow("*"));
const storageOnly = policy(allow(["s3:*", "cloudwatch:*", "logs:*"]));
const readOnly = policy(allow(["s3:Get*", "ec2:Describe*"]));

// The demo's CrossAccountAuditor in miniature: it trusts PROD's account with MFA.
const auditor = role({ arn: AUDITOR, identity: [readOnly], trust: trustPolicy({ AWS: `arn:aws:iam::${PROD}:root` }, { Bool: { "aws:MultiFactorAuthPresent": "true" } }) });
const carol = principal({ arn: user("carol"), identity: [everything] });
const dave = principal({ arn: user("dave"), identity: [everything], boundary: storageOnly });
const reader = role({ arn: `arn:aws:iam::${PROD}:role/Reader`, identity: [policy(allow("sts:GetCallerIdentity"), allow("s3:Get*"))], trust: trustPolicy({ AWS: PROD }) });
const world = inventory([PROD, SECURITY], [carol, dave, reader, auditor]);

describe("roleAssumers", () => {
  it("lists with more context only those some context lets in, with that context", () => {
    const { assumers, conditional } = roleAssumers(world, auditor, {});
    expect(assumers).toEqual([]);
    // dave's boundary allows no sts action and Reader's policies no sts:AssumeRole, whatever the context.
    expect(conditional.map((c) => [c.principal.name, c.missingContextValues, c.context])).toEqual([["carol", ["aws:MultiFactorAuthPresent"], MFA]]);
  });

  it("allows those with the stated context and lists nobody else", () => {
    const { assumers, conditional } = roleAssumers(world, auditor, MFA);
    expect(assumers.map((a) => [a.name, a.crossAccount])).toEqual([["carol", true]]);
    expect(assumers[0].statements.map((s) => s.policy.kind)).toEqual(["inline", "trust"]);
    expect(conditional).toEqual([]);
  });

  it("lets a principal the trust policy names in its own account in without an sts statement of its own", () => {
    const named = principal({ arn: user("erin"), identity: [readOnly] });
    const ops = role({ arn: `arn:aws:iam::${PROD}:role/Ops`, trust: trustPolicy({ AWS: user("erin") }) });
    expect(roleAssumers(inventory([PROD], [named, ops]), ops, {}).assumers.map((a) => a.name)).toEqual(["erin"]);
  });

  it("needs the principal's own policies too when the trust policy names it from another account", () => {
    const named = principal({ arn: user("erin"), identity: [readOnly] });
    const ops = role({ arn: `arn:aws:iam::${SECURITY}:role/Ops`, trust: trustPolicy({ AWS: user("erin") }) });
    const answer = roleAssumers(inventory([PROD, SECURITY], [named, ops]), ops, {});
    expect(answer).toEqual({ assumers: [], conditional: [] });
  });

  it("lists a principal whose explicit deny falls away with the key present", () => {
    // BoolIfExists false is true while the key is missing: the deny applies until MFA is present.
    const guarded = principal({ arn: user("gus"), identity: [policy(allow("sts:AssumeRole"), deny("*", "*", { Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } }))] });
    const ops = role({ arn: `arn:aws:iam::${PROD}:role/Ops`, trust: trustPolicy({ AWS: PROD }) });
    const { assumers, conditional } = roleAssumers(inventory([PROD], [guarded, ops]), ops, {});
    expect(assumers).toEqual([]);
    expect(conditional.map((c) => c.context)).toEqual([MFA]);
  });
});

describe("assumableRoles", () => {
  it("gives the same answers from the user's side, with what each role grants", () => {
    expect(assumableRoles(world, dave, {})).toEqual({ roles: [], conditional: [] });
    expect(assumableRoles(world, carol, {}).conditional.map((c) => [c.role.name, c.context])).toEqual([["Auditor", MFA]]);
    const granted = assumableRoles(world, carol, MFA).roles.find((r) => r.role.name === "Auditor");
    expect(granted).toMatchObject({ role: { name: "Auditor", accountId: SECURITY }, crossAccount: true, grants: [{ name: "Policy0" }] });
  });

  it("orders roles by account then name", () => {
    const trusting = trustPolicy({ AWS: PROD });
    const roles = ["b", "a"].map((name) => role({ arn: `arn:aws:iam::${PROD}:role/${name}`, trust: trusting }));
    const far = role({ arn: `arn:aws:iam::${"000011112222"}:role/z`, trust: trustPolicy({ AWS: PROD }) });
    const answer = assumableRoles(inventory([PROD], [carol, ...roles, far]), carol, {});
    expect(answer.roles.map((r) => `${r.role.accountId}:${r.role.name}`)).toEqual(["000011112222:z", `${PROD}:a`, `${PROD}:b`]);
  });
});
