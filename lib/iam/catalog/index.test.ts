import { describe, expect, it } from "vitest";
import { loadCatalog, loadCatalogIndex } from "@/lib/catalog/load";
import { indexCatalog } from "@/lib/iam/catalog";
import { ACCESS_LEVELS, type Catalog } from "@/lib/iam/catalog/types";

// Against the real compiled catalog (scripts/build-catalog.mjs, run at postinstall).
const catalog = loadCatalog();
const index = loadCatalogIndex();

function requireAction(name: string) {
  const action = index.action(name);
  if (!action) throw new Error(`${name} is not in the catalog`);
  return action;
}

describe("compiled catalog", () => {
  it("holds every service, action and global condition key of the source", () => {
    expect(catalog.services.length).toBeGreaterThanOrEqual(400);
    expect(catalog.services.length).toBeLessThan(700);
    expect(index.actionCount).toBeGreaterThanOrEqual(20_000);
    expect(index.actionCount).toBeLessThan(35_000);
    const resourceTypes = catalog.services.reduce((n, s) => n + s.resourceTypes.length, 0);
    expect(resourceTypes).toBeGreaterThanOrEqual(2_000);
    expect(catalog.globalConditionKeys.length).toBeGreaterThanOrEqual(50);
    expect(catalog.sourceVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("has lower-case service prefixes and only AWS's five access levels, all of them used", () => {
    const seen = new Set<string>();
    for (const service of catalog.services) {
      expect(service.prefix).toBe(service.prefix.toLowerCase());
      for (const action of service.actions) seen.add(action.accessLevel);
    }
    expect([...seen].sort()).toEqual([...ACCESS_LEVELS].sort());
  });

  it("spells global pattern keys like service ones", () => {
    const keys = catalog.globalConditionKeys.map((k) => k.key);
    expect(keys).toContain("aws:PrincipalTag/${TagKey}");
    expect(keys.some((key) => key.endsWith("/tag-key"))).toBe(false);
  });

  it("is memoized", () => {
    expect(loadCatalog()).toBe(catalog);
    expect(loadCatalogIndex()).toBe(index);
  });
});

describe("indexCatalog: actions and services", () => {
  it("finds s3:GetObject in any case, as Read on the object resource type", () => {
    const action = requireAction("S3:getobject");
    expect(action.name).toBe("GetObject");
    expect(action.service).toBe("s3");
    expect(action.accessLevel).toBe("Read");
    const object = index.resourceTypesOf(action).find((type) => type.name === "object");
    expect(object?.arn).toBe("arn:${Partition}:s3:::${BucketName}/${ObjectName}");
  });

  it("keeps single access levels and maps combined ones to the first listed", () => {
    expect(requireAction("iam:CreateUser").accessLevel).toBe("Write");
    expect(requireAction("iam:ListUsers").accessLevel).toBe("List");
    // The source says "Permissions management, Write" and "Tagging, Write".
    expect(requireAction("iam:AttachUserPolicy").accessLevel).toBe("Permissions management");
    expect(requireAction("iam:PutRolePolicy").accessLevel).toBe("Permissions management");
    expect(requireAction("iam:TagUser").accessLevel).toBe("Tagging");
  });

  it("returns nothing for unknown actions and services", () => {
    expect(index.action("s3:GetObjectz")).toBeUndefined();
    expect(index.action("nosuchservice:GetObject")).toBeUndefined();
    expect(index.service("nosuchservice")).toBeUndefined();
    expect(index.actionsOf("nosuchservice")).toEqual([]);
  });

  it("finds a service by prefix with its human name and actions", () => {
    expect(index.service("IAM")?.name).toBe("AWS Identity and Access Management (IAM)");
    const names = index.actionsOf("iam").map((action) => action.name);
    expect(names).toContain("CreateUser");
    expect(names).toContain("AttachRolePolicy");
    expect(names.every((name) => requireAction(`iam:${name}`).service === "iam")).toBe(true);
  });
});

describe("indexCatalog: resource types of an action", () => {
  it("merges the resource type's keys with the action's row keys", () => {
    const vpc = index.resourceTypesOf(requireAction("ec2:CreateVpc")).find((t) => t.name === "vpc");
    expect(vpc?.required).toBe(true);
    expect(vpc?.arn).toBe("arn:${Partition}:ec2:${Region}:${Account}:vpc/${VpcId}");
    // Row key (tags passed when creating) and the type's own key (tags it already has).
    expect(vpc?.conditionKeys).toContain("aws:RequestTag/${TagKey}");
    expect(vpc?.conditionKeys).toContain("aws:ResourceTag/${TagKey}");
  });

  it("is empty for an action that takes no resource", () => {
    expect(index.resourceTypesOf(requireAction("iam:ListRoles"))).toEqual([]);
  });
});

describe("indexCatalog: condition keys", () => {
  it("finds global keys in any case", () => {
    const match = index.conditionKey("AWS:sourceip");
    expect(match?.definition).toEqual({ key: "aws:SourceIp", type: "IPAddress" });
    expect(match?.scope).toBe("global");
    expect(match?.service).toBeNull();
    expect(match?.viaPattern).toBe(false);
  });

  it("finds service keys with their type", () => {
    const match = index.conditionKey("s3:prefix");
    expect(match?.definition.type).toBe("String");
    expect(match?.scope).toBe("service");
    expect(match?.service).toBe("s3");
  });

  it("resolves tag keys through their pattern, including tag keys with a slash", () => {
    for (const key of ["aws:RequestTag/CostCenter", "aws:requesttag/team/sub"]) {
      const match = index.conditionKey(key);
      expect(match?.definition.key).toBe("aws:RequestTag/${TagKey}");
      expect(match?.viaPattern).toBe(true);
    }
    expect(index.conditionKey("aws:PrincipalTag/team")?.definition.key).toBe(
      "aws:PrincipalTag/${TagKey}",
    );
    expect(index.conditionKey("s3:ExistingObjectTag/classification")?.definition.key).toBe(
      "s3:ExistingObjectTag/<key>",
    );
    expect(index.conditionKey("kms:EncryptionContext:Department")?.definition.key).toBe(
      "kms:EncryptionContext:${EncryptionContextKey}",
    );
  });

  it("a placeholder stands for one or more characters, matched in linear time", () => {
    expect(index.conditionKey("aws:RequestTag/")).toBeUndefined();
    // Condition keys come from policies: a 10,000-character key must not make the match crawl.
    expect(index.conditionKey(`aws:RequestTag/${"a/".repeat(5_000)}`)?.definition.key).toBe("aws:RequestTag/${TagKey}");
    expect(index.conditionKey(`events:Metadata/${"a/Matcher".repeat(1_000)}x`)?.definition.key).not.toBe("events:Metadata/${MetadataKey}/Matcher");
  });

  it("prefers the most specific pattern", () => {
    expect(index.conditionKey("events:Metadata/source/Matcher")?.definition.key).toBe(
      "events:Metadata/${MetadataKey}/Matcher",
    );
    expect(index.conditionKey("events:Metadata/source")?.definition.key).toBe(
      "events:Metadata/${MetadataKey}",
    );
  });

  it("needs something in the placeholder and rejects unknown keys", () => {
    expect(index.conditionKey("aws:RequestTag/")).toBeUndefined();
    expect(index.conditionKey("aws:NoSuchKey")).toBeUndefined();
    expect(index.conditionKey("s3:nosuchkey")).toBeUndefined();
  });
});

describe("indexCatalog on a hand-made catalog", () => {
  const tiny: Catalog = {
    sourceVersion: "0.0.0",
    globalConditionKeys: [{ key: "aws:RequestTag/${TagKey}", type: "String" }],
    services: [
      {
        prefix: "demo",
        name: "Demo",
        actions: [
          {
            service: "demo",
            name: "MakeThing",
            accessLevel: "Write",
            resourceTypes: [{ name: "thing", required: true }],
            conditionKeys: [],
          },
        ],
        resourceTypes: [],
        conditionKeys: [{ key: "aws:RequestTag/${TagKey}", type: "ArrayOfString" }],
      },
    ],
  };
  const small = indexCatalog(tiny);

  it("lets the global definition win over a service's copy", () => {
    expect(small.conditionKey("aws:RequestTag/x")?.definition.type).toBe("String");
    expect(small.conditionKey("aws:RequestTag/x")?.scope).toBe("global");
  });

  it("reports a resource type the service does not define with a null ARN", () => {
    const action = small.action("demo:makething");
    expect(action && small.resourceTypesOf(action)).toEqual([
      { name: "thing", required: true, arn: null, conditionKeys: [] },
    ]);
  });
});
