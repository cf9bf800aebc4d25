import { describe, expect, it } from "vitest";
import { searchActions, searchServices } from "@/lib/catalog/search";
import type { Catalog, CatalogService } from "@/lib/iam/client";

const service = (prefix: string, name: string, actions: string[]): CatalogService => ({
  prefix,
  name,
  actions: actions.map((action) => ({ service: prefix, name: action, accessLevel: "Read", resourceTypes: [], conditionKeys: [] })),
  resourceTypes: [],
  conditionKeys: [],
});

const catalog: Catalog = {
  sourceVersion: "test",
  globalConditionKeys: [],
  services: [
    service("ec2", "Amazon EC2", ["DescribeInstances", "GetConsoleOutput"]),
    service("s3", "Amazon S3", ["GetBucketAcl", "GetObject", "GetObjectAcl", "ListBucket", "PutObject"]),
    service("s3express", "Amazon S3 Express", ["GetObject"]),
  ],
};

const names = (query: string, page = 1, pageSize = 50) =>
  searchActions(catalog, query, page, pageSize).items.map((hit) => `${hit.service}:${hit.name}`);

describe("searchActions", () => {
  it("puts exact names first, then names starting with the text, then names containing it", () => {
    expect(names("getobject")).toEqual(["s3:GetObject", "s3express:GetObject", "s3:GetObjectAcl"]);
    expect(names("object")).toEqual(["s3:GetObject", "s3:GetObjectAcl", "s3:PutObject", "s3express:GetObject"]);
  });

  it("looks only in the named service with service:text", () => {
    expect(names("s3:Get")).toEqual(["s3:GetBucketAcl", "s3:GetObject", "s3:GetObjectAcl"]);
    expect(names("s3:")).toHaveLength(5);
  });

  it("reads * and ? as wildcards over the whole name, as a policy's Action does", () => {
    expect(names("s3:Get*Acl")).toEqual(["s3:GetBucketAcl", "s3:GetObjectAcl"]);
    expect(names("*:GetObjec?")).toEqual([]);
    expect(names("GetObjec?")).toEqual(["s3:GetObject", "s3express:GetObject"]);
  });

  it("matches a query of 100 stars in linear time, never with a regex built from the text", () => {
    expect(names(`s3:${"*t".repeat(100)}*`)).toEqual([]);
    expect(names(`s3:${"*".repeat(100)}t${"*".repeat(100)}acl`)).toEqual(["s3:GetBucketAcl", "s3:GetObjectAcl"]);
    // Regex syntax in the text is literal.
    expect(names("s3:get.*")).toEqual([]);
  });

  it("pages the hits and counts them all", () => {
    const second = searchActions(catalog, "get", 2, 2);
    expect(second.total).toBe(5);
    expect(second.items.map((hit) => `${hit.service}:${hit.name}`)).toEqual(["s3:GetObject", "s3:GetObjectAcl"]);
    expect(searchActions(catalog, "  ", 1, 10)).toEqual({ total: 0, items: [] });
  });
});

describe("searchServices", () => {
  it("matches the prefix or the name, ignoring the action part", () => {
    expect(searchServices(catalog, "s3:Get").map((s) => s.prefix)).toEqual(["s3", "s3express"]);
    expect(searchServices(catalog, "express").map((s) => s.prefix)).toEqual(["s3express"]);
    expect(searchServices(catalog, "")).toHaveLength(3);
  });
});
