import { describe, expect, it } from "vitest";
import { loadCatalogIndex } from "@/lib/catalog/load";
import { catalogSuggestions, templateSnippet, type Suggestion } from "./completion";
import { cursorContext } from "./cursor";
import type { ServiceDescriptions } from "./descriptions";

const catalog = loadCatalogIndex();
const s3Descriptions: ServiceDescriptions = { actions: { GetObject: "Grants permission to retrieve objects from Amazon S3" }, conditionKeys: {} };
const descriptionsOf = (service: string) => (service === "s3" ? s3Descriptions : undefined);

/** The text with the cursor where `|` is, and the suggestions there. */
function suggestAt(textWithCursor: string): Suggestion[] {
  const offset = textWithCursor.indexOf("|");
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const context = cursorContext(text, offset);
  if (!context) throw new Error(`no completion context in ${textWithCursor}`);
  return catalogSuggestions(context, catalog, descriptionsOf);
}

const labels = (items: Suggestion[]) => items.map((item) => item.label);

describe("cursorContext", () => {
  it("finds an action being typed in a list, with the replaceable span", () => {
    const text = '{"Statement":[{"Effect":"Allow","Action":["s3:Get"]}]}';
    const offset = text.indexOf("s3:Get") + "s3:Get".length;
    expect(cursorContext(text, offset)).toEqual({
      place: "action",
      prefix: "s3:Get",
      start: text.indexOf("s3:Get"),
      end: offset,
      actions: ["s3:Get"],
    });
  });

  it("finds a resource in a single statement object and reads its actions", () => {
    const text = '{"Statement":{"Effect":"Allow","Action":"ec2:RunInstances","Resource":"arn"}}';
    const context = cursorContext(text, text.indexOf('"arn"') + 2);
    expect(context).toMatchObject({ place: "resource", prefix: "a", actions: ["ec2:RunInstances"] });
    expect(context?.end).toBe(text.indexOf('"arn"') + 4);
  });

  it("finds a condition key name under its operator, even in unfinished text", () => {
    const text = '{"Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Condition":{"StringLike":{"s3:pre';
    expect(cursorContext(text, text.length)).toMatchObject({ place: "conditionKey", prefix: "s3:pre", operator: "StringLike", actions: ["s3:ListBucket"] });
  });

  it("offers nothing outside strings or in elements the catalog does not describe", () => {
    const text = '{"Statement":[{"Effect":"Allow","Sid":"x","Action":[ ]}]}';
    expect(cursorContext(text, text.indexOf("[ ") + 1)).toBeUndefined();
    expect(cursorContext(text, text.indexOf('"x"') + 1)).toBeUndefined();
    expect(cursorContext(text, text.indexOf('"Allow"') + 2)).toBeUndefined();
  });
});

describe("catalogSuggestions", () => {
  it('offers the S3 actions after "s3:, with access level and description', () => {
    const items = suggestAt('{"Statement":[{"Effect":"Allow","Action":"s3:Get|"}]}');
    const getObject = items.find((item) => item.label === "s3:GetObject");
    expect(getObject).toMatchObject({ kind: "action", insertText: "s3:GetObject", detail: "Read", documentation: "Grants permission to retrieve objects from Amazon S3" });
    expect(items.every((item) => item.label.startsWith("s3:"))).toBe(true);
    expect(labels(items)).toContain("s3:PutObject");
    expect(labels(items)).toContain("s3:*");
  });

  it("offers service prefixes before the colon and reopens the list after one", () => {
    const items = suggestAt('{"Statement":[{"Effect":"Allow","Action":["|"]}]}');
    const s3 = items.find((item) => item.label === "s3:");
    expect(s3).toMatchObject({ kind: "service", retrigger: true, detail: expect.stringContaining("S3") });
    expect(items).toHaveLength(catalog.catalog.services.length);
  });

  it("offers nothing for an unknown service", () => {
    expect(suggestAt('{"Statement":[{"Effect":"Allow","Action":"nosuchservice:|"}]}')).toEqual([]);
  });

  it("puts the keys the statement's actions support first, then the service's, then global keys", () => {
    const items = suggestAt('{"Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"StringLike":{"|"}}}]}');
    const byLabel = new Map(items.map((item) => [item.label, item]));
    expect(byLabel.get("s3:prefix")?.sortText.startsWith("0")).toBe(true);
    expect(byLabel.get("s3:x-amz-acl")?.sortText.startsWith("1")).toBe(true);
    expect(byLabel.get("aws:SourceIp")).toMatchObject({ detail: "IPAddress · global" });
    expect(byLabel.get("aws:SourceIp")?.sortText.startsWith("2")).toBe(true);
    // Other services' keys appear only when AWS lists them as global (ec2:SourceInstanceArn).
    const foreign = items.filter((item) => !item.label.startsWith("s3:") && !item.label.startsWith("aws:"));
    expect(foreign.length).toBeGreaterThan(0);
    for (const item of foreign) expect(item.detail, item.label).toMatch(/ · global$/);
    expect(new Set(labels(items)).size).toBe(items.length);
  });

  it("makes tag keys a snippet with the tag name to fill in", () => {
    const items = suggestAt('{"Statement":[{"Effect":"Allow","Action":"ec2:RunInstances","Resource":"*","Condition":{"StringEquals":{"aws:Req|"}}}]}');
    expect(items.find((item) => item.label === "aws:RequestTag/${TagKey}")).toMatchObject({ snippet: true, insertText: "aws:RequestTag/${1:TagKey}" });
  });

  it("offers the ARN templates of the resource types of the statement's actions", () => {
    const items = suggestAt('{"Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":"|"}]}');
    expect(labels(items).sort()).toEqual([
      "arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}",
      "arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}",
      "arn:${Partition}:s3:::${BucketName}",
      "arn:${Partition}:s3:::${BucketName}/${ObjectName}",
    ]);
    const object = items.find((item) => item.label === "arn:${Partition}:s3:::${BucketName}/${ObjectName}");
    expect(object).toMatchObject({ snippet: true, insertText: "arn:aws:s3:::${1:BucketName}/${2:ObjectName}", detail: "s3 object" });
  });

  it("expands wildcards in the statement's actions and offers * for actions without resource types", () => {
    const items = suggestAt('{"Statement":[{"Effect":"Allow","Action":["s3:ListAllMyBuckets","s3:GetObjectVer*"],"Resource":["|"]}]}');
    expect(labels(items)).toContain("*");
    expect(labels(items)).toContain("arn:${Partition}:s3:::${BucketName}/${ObjectName}");
  });
});

describe("templateSnippet", () => {
  it("fills the partition, numbers the other placeholders and escapes the rest", () => {
    expect(templateSnippet("arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}")).toBe("arn:aws:iam::${1:Account}:role/${2:RoleNameWithPath}");
    expect(templateSnippet("s3:ExistingObjectTag/<key>")).toBe("s3:ExistingObjectTag/${1:key}");
    expect(templateSnippet("a$b}c")).toBe("a\\$b\\}c");
  });
});
