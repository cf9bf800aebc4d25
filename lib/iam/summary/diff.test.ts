/** The permission diff between two policy versions, over the whole catalog. */
import { describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/catalog/load";
import { diffPolicyAccess } from "./index";
import type { ChangeKind, PolicyAccessDiff } from "./types";

const catalog = loadCatalog();
const policy = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });
const allow = (Action: string | string[], Resource: string | string[] = "*", extra: object = {}) => ({ Effect: "Allow", Action, Resource, ...extra });

function diff(before: unknown, after: unknown): PolicyAccessDiff {
  const result = diffPolicyAccess(before, after, catalog);
  if (result.kind !== "diff") throw new Error(result.message);
  return result;
}

/** "service:Action" names with that change. */
function named(result: PolicyAccessDiff, change: ChangeKind): string[] {
  return result.services
    .flatMap((service) => service.changes.filter((c) => c.change === change).flatMap((c) => c.actions.map((a) => `${service.service}:${a.name}`)))
    .sort();
}

const actionsOf = (prefix: string, name: RegExp) =>
  (catalog.services.find((s) => s.prefix === prefix)?.actions ?? []).filter((a) => name.test(a.name)).map((a) => `${prefix}:${a.name}`).sort();

describe("gained and lost actions", () => {
  const before = policy(allow(["s3:GetObject", "s3:ListBucket"], "arn:aws:s3:::reports/*"));
  const after = policy(allow(["s3:GetObject", "s3:PutObject"], "arn:aws:s3:::reports/*"));

  it("names what the new version allows and the old one did not, and the reverse", () => {
    const result = diff(before, after);
    expect(named(result, "gained")).toEqual(["s3:PutObject"]);
    expect(named(result, "lost")).toEqual(["s3:ListBucket"]);
    expect(named(result, "changed")).toEqual([]);
    expect(result.counts).toEqual({ gained: 1, lost: 1, changed: 0 });
  });

  it("is symmetric: swapping the versions swaps gained and lost", () => {
    const result = diff(after, before);
    expect(named(result, "gained")).toEqual(["s3:ListBucket"]);
    expect(named(result, "lost")).toEqual(["s3:PutObject"]);
  });

  it("reports nothing between a version and itself", () => {
    expect(diff(before, JSON.stringify(before))).toEqual({ kind: "diff", counts: { gained: 0, lost: 0, changed: 0 }, services: [] });
  });

  it("expands wildcards over the catalog", () => {
    const result = diff(policy(allow("sqs:Get*")), policy(allow("sqs:*")));
    expect(named(result, "gained")).toEqual(actionsOf("sqs", /^(?!Get)/));
    expect(result.services.map((s) => s.service)).toEqual(["sqs"]);
  });
});

describe("changed resources and conditions", () => {
  it("reports an action allowed in both versions on different resources, with both scopes", () => {
    const result = diff(policy(allow("s3:GetObject", "arn:aws:s3:::a/*")), policy(allow("s3:GetObject", "arn:aws:s3:::b/*")));
    expect(named(result, "changed")).toEqual(["s3:GetObject"]);
    const change = result.services[0].changes[0];
    expect(change.before?.allow).toEqual([{ resources: { element: "Resource", patterns: ["arn:aws:s3:::a/*"] }, conditions: [] }]);
    expect(change.after?.allow).toEqual([{ resources: { element: "Resource", patterns: ["arn:aws:s3:::b/*"] }, conditions: [] }]);
  });

  it("reports a new condition and a narrower deny as changes, not losses", () => {
    const mfa = { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } };
    const result = diff(
      policy(allow(["s3:GetObject", "s3:PutObject"])),
      policy(allow("s3:GetObject", "*", mfa), allow("s3:PutObject"), { Effect: "Deny", Action: "s3:PutObject", Resource: "arn:aws:s3:::audit/*" }),
    );
    expect(named(result, "changed")).toEqual(["s3:GetObject", "s3:PutObject"]);
    expect(named(result, "lost")).toEqual([]);
  });
});

describe("denies", () => {
  it("counts an action denied everywhere without condition as lost", () => {
    const result = diff(policy(allow("ec2:*")), policy(allow("ec2:*"), { Effect: "Deny", Action: "ec2:TerminateInstances", Resource: "*" }));
    expect(named(result, "lost")).toEqual(["ec2:TerminateInstances"]);
    expect(result.counts.gained + result.counts.changed).toBe(0);
  });

  it("AdministratorAccess to PowerUserAccess loses IAM, Organizations and Account but the actions kept", () => {
    const powerUser = policy(
      { Effect: "Allow", NotAction: ["iam:*", "organizations:*", "account:*"], Resource: "*" },
      allow(["iam:ListRoles", "account:ListRegions"]),
    );
    const result = diff(policy(allow("*")), powerUser);
    const expected = [...actionsOf("iam", /^(?!ListRoles$)/), ...actionsOf("organizations", /./), ...actionsOf("account", /^(?!ListRegions$)/)].sort();
    expect(named(result, "lost")).toEqual(expected);
    expect(result.counts.gained).toBe(0);
  });
});

it("says which version cannot be read", () => {
  expect(diffPolicyAccess(policy(allow("s3:GetObject")), "{", catalog)).toMatchObject({ kind: "unreadable", side: "after" });
});
