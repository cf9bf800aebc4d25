import { describe, expect, it } from "vitest";
import { indexCatalog, type Catalog, type CatalogService } from "@/lib/iam/client";
import { expandActions } from "./statement-actions";

const service = (prefix: string, actions: string[]): CatalogService => ({
  prefix,
  name: prefix,
  actions: actions.map((action) => ({ service: prefix, name: action, accessLevel: "Read", resourceTypes: [], conditionKeys: [] })),
  resourceTypes: [],
  conditionKeys: [],
});

const catalog: Catalog = {
  sourceVersion: "test",
  globalConditionKeys: [],
  services: [service("s3", ["GetBucketAcl", "GetObject", "GetObjectAcl", "PutObject"]), service("ec2", ["DescribeInstances"])],
};
const index = indexCatalog(catalog);
const expanded = (actions: string[]) => expandActions(actions, index).map((action) => `${action.service}:${action.name}`);

// "IAM JSON policy elements: Action": names are case-insensitive; * and ? are the wildcards.
describe("expandActions", () => {
  it("expands wildcards within the named service, in any case", () => {
    expect(expanded(["S3:get*ACL"])).toEqual(["s3:GetBucketAcl", "s3:GetObjectAcl"]);
    expect(expanded(["s3:?etObject", "s3:GetObject"])).toEqual(["s3:GetObject"]);
    expect(expanded(["*", "s3:Get.*"])).toEqual([]);
  });

  it("matches a pattern of 100 stars in linear time", () => {
    expect(expanded([`s3:${"*t".repeat(100)}*`])).toEqual([]);
    expect(expanded([`s3:${"*".repeat(100)}Object${"?".repeat(3)}`])).toEqual(["s3:GetObjectAcl"]);
  });
});
