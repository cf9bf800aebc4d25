/**
 * The summary's resource warning, as the IAM console words it: "One or more actions do not have
 * an applicable resource". Expected actions are derived from the catalog's resource type names.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary.html
 */
import { describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/catalog/load";
import { summarizePolicy } from "./index";
import type { PolicySummary } from "./types";

const catalog = loadCatalog();
const s3 = catalog.services.find((service) => service.prefix === "s3")!;
const policy = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });

function summary(document: unknown): PolicySummary {
  const result = summarizePolicy(document, catalog);
  if (result.kind !== "summary") throw new Error(result.message);
  return result;
}

const allowS3 = (result: PolicySummary) => result.allow.find((service) => service.service === "s3");

describe("actions without an applicable resource", () => {
  it("s3:Get* on the bucket: the object actions (and those that need \"*\") are warned about", () => {
    const expected = s3.actions.filter((action) => action.name.startsWith("Get") && !action.resourceTypes.some((type) => type.name === "bucket")).map((a) => a.name);
    const service = allowS3(summary(policy({ Effect: "Allow", Action: "s3:Get*", Resource: "arn:aws:s3:::my_bucket" })));
    expect([...(service?.withoutResource ?? [])].sort()).toEqual([...expected].sort());
    // The object actions, the largest group, come first; those that need "*" last.
    const typesOf = (name: string) => s3.actions.find((action) => action.name === name)?.resourceTypes.map((type) => type.name) ?? [];
    expect(typesOf(service?.withoutResource[0] ?? "")).toContain("object");
    expect(service?.withoutResource.slice(0, 5)).toContain("GetObject");
    expect(typesOf(service?.withoutResource.at(-1) ?? "")).toEqual([]);
    const actions = service?.levels.flatMap((level) => level.actions) ?? [];
    expect(actions.find((action) => action.name === "GetObject")?.noApplicableResource).toBe(true);
    expect(actions.find((action) => action.name === "GetBucketPolicy")?.noApplicableResource).toBeUndefined();
  });

  it("s3:* on the objects: the bucket-level actions are warned about", () => {
    const service = allowS3(summary(policy({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::my_bucket/*" })));
    expect(service?.withoutResource).toContain("ListBucket");
    expect(service?.withoutResource).not.toContain("GetObject");
  });

  it("an action another statement gives a resource is not warned about", () => {
    const result = summary(
      policy(
        { Effect: "Allow", Action: ["s3:GetObject", "s3:ListAllMyBuckets"], Resource: "arn:aws:s3:::my_bucket" },
        { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::my_bucket/*" },
      ),
    );
    expect(allowS3(result)?.withoutResource).toEqual(["ListAllMyBuckets"]);
  });

  it("\"*\", NotResource and matching resources give no warning", () => {
    for (const statement of [
      { Effect: "Allow", Action: "s3:*", Resource: "*" },
      { Effect: "Allow", Action: "s3:Get*", NotResource: "arn:aws:s3:::secret/*" },
      { Effect: "Allow", Action: "s3:GetObject*", Resource: "arn:aws:s3:::my_bucket/*" },
    ]) {
      expect(allowS3(summary(policy(statement)))?.withoutResource).toEqual([]);
    }
  });

  it("warns under Explicit deny as well: the Deny does not reach those actions", () => {
    const result = summary(policy({ Effect: "Deny", Action: "s3:GetObject", Resource: "arn:aws:s3:::my_bucket" }));
    expect(result.explicitDeny[0]?.withoutResource).toEqual(["GetObject"]);
  });
});
