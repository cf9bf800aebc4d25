import { describe, expect, it } from "vitest";
import { allow, deny, policy } from "../test-support";
import { inventory, principal, role } from "./test-support";
import { whoCan } from "./who-can";

// "Policy evaluation logic": within one account an identity-based policy or a resource-based
// policy grants; a role's trust policy must name the caller.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
// Role chaining ("Methods to assume a role"): a role's session may assume another role.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_manage-assume.html

const ACCOUNT = "111122223333";
const OTHER = "444455556666";
const arn = (kind: "user" | "role", name: string, account = ACCOUNT) => `arn:aws:iam::${account}:${kind}/${name}`;
const TABLE = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/Orders`;
const trusting = (who: string) => policy({ Effect: "Allow", Principal: { AWS: who }, Action: "sts:AssumeRole" });

const dana = principal({ arn: arn("user", "dana"), identity: [policy(allow("sts:AssumeRole", arn("role", "Hop")))] });
const eve = principal({ arn: arn("user", "eve"), identity: [policy(allow("sts:AssumeRole", arn("role", "Target")))] });
const fay = principal({ arn: arn("user", "fay"), identity: [policy(allow("dynamodb:*")), policy(allow("dynamodb:GetItem"))], groups: [null, "Readers"] });
const gil = principal({ arn: arn("user", "gil"), identity: [policy(allow("*"), deny("dynamodb:*"))] });
const hop = role({ arn: arn("role", "Hop"), identity: [policy(allow("sts:AssumeRole", arn("role", "Target")))], trust: trusting(ACCOUNT) });
const target = role({ arn: arn("role", "Target"), identity: [policy(allow("dynamodb:GetItem", TABLE), allow("sts:AssumeRole", arn("role", "Hop")))], trust: trusting(arn("role", "Hop")) });
const stranger = principal({ arn: arn("user", "olga", OTHER), identity: [policy(allow("*"))] });
const world = inventory([ACCOUNT, OTHER], [dana, eve, fay, gil, hop, target, stranger]);

const names = (answer: ReturnType<typeof whoCan>) => answer.principals.map((p) => `${p.kind}:${p.name}`);

describe("whoCan", () => {
  it("lists the root, users directly and by group, and roles reached by a chain, in order", () => {
    const answer = whoCan(world, { action: "dynamodb:GetItem", resource: TABLE, context: {} });
    expect(answer.resourceAccount).toBe(ACCOUNT);
    expect(names(answer)).toEqual(["root:account root", "user:dana", "user:fay", "user:gil", "role:Hop", "role:Target"]);
    const byName = (name: string) => answer.principals.find((p) => p.name === name)!;
    expect(byName("fay").paths.map((p) => [p.via, p.group])).toEqual([["direct", null], ["group", "Readers"]]);
    expect(byName("dana").paths.map((p) => [p.via, p.chain.map((r) => r.name)])).toEqual([["role", ["Hop", "Target"]]]);
    // eve's own policy allows Target, but Target's trust policy names only Hop.
    expect(names(answer)).not.toContain("user:eve");
    // gil's own policies deny him the table; a session of Hop, which he may assume, is not denied.
    expect(answer.explicitlyDenied).toBe(1);
    expect(byName("gil").paths.map((p) => [p.via, p.chain.map((r) => r.name)])).toEqual([["role", ["Hop", "Target"]]]);
    // olga's account does not own the table and nothing in it grants her access.
    expect(names(answer)).not.toContain("user:olga");
  });

  it("judges sts:AssumeRole on a stored role with its trust policy", () => {
    const answer = whoCan(world, { action: "sts:AssumeRole", resource: arn("role", "Target"), context: {} });
    // Hop is named by Target's trust policy; dana and gil may assume Hop, and so may Target itself.
    expect(names(answer)).toEqual(["user:dana", "user:gil", "role:Hop", "role:Target"]);
    const hopPaths = answer.principals.find((p) => p.name === "Hop")!.paths;
    // A trust policy naming the role's ARN grants on its own within the account.
    expect(hopPaths.map((p) => [p.via, p.statements.map((s) => s.policy.kind)])).toEqual([["resourcePolicy", ["trust"]]]);
  });

  it("takes the resource's account as asked, else from its ARN, else the principal's own", () => {
    expect(whoCan(world, { action: "s3:GetObject", resource: "arn:aws:s3:::bucket/key", context: {} }).resourceAccount).toBeNull();
    const asked = whoCan(world, { action: "s3:GetObject", resource: "arn:aws:s3:::bucket/key", resourceAccount: OTHER, context: {} });
    // Another account's bucket with no bucket policy: only its own principals.
    expect(names(asked)).toEqual(["root:account root", "user:olga"]);
    expect(asked.principals.every((p) => p.accountId === OTHER)).toBe(true);
  });
});
