import { describe, expect, it } from "vitest";
import { loadCatalogIndex } from "@/lib/catalog/load";
import { diagnosePolicy } from "./diagnostics";
import { grammarDocUrl, serverFindings } from "./grammar";
import { formatPolicyText } from "./format";
import { hoverMarkdown, hoverTarget } from "./hover";

const catalog = loadCatalogIndex();
const GUIDE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/";

const myBucketLesson = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my_bucket" }
  ]
}`;

describe("diagnosePolicy", () => {
  it("reports grammar errors as blocking errors at their place, linking the element's page", () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Permit", "Action": "s3:GetObject", "Resource": "*" }]\n}';
    const [finding] = diagnosePolicy(text, "identity", catalog);
    expect(finding).toMatchObject({ source: "grammar", severity: "error", path: "Statement[0].Effect", docUrl: `${GUIDE}reference_policies_elements_effect.html` });
    const column = text.split("\n")[2].indexOf('"Permit"') + 1;
    expect(finding.range).toEqual({ startLine: 3, startColumn: column, endLine: 3, endColumn: column + '"Permit"'.length });
  });

  it("flags the my_bucket lesson: s3:GetObject needs object ARNs, not the bucket", () => {
    const findings = diagnosePolicy(myBucketLesson, "identity", catalog);
    expect(findings.every((finding) => finding.source === "lint")).toBe(true);
    const lesson = findings.find((finding) => finding.code === "NoMatchingResourceType");
    expect(lesson?.message).toMatch(/s3:GetObject.*not the bucket/);
    expect(lesson?.range?.startLine).toBe(4);
  });

  it("runs only the grammar check until the catalog is loaded, and no linting on broken JSON", () => {
    expect(diagnosePolicy(myBucketLesson, "identity", undefined)).toEqual([]);
    const broken = diagnosePolicy('{"Statement": [', "identity", catalog);
    expect(broken.length).toBeGreaterThan(0);
    expect(broken.every((finding) => finding.code === "JsonSyntax" && finding.source === "grammar")).toBe(true);
  });

  it("applies the kind's rules: a trust policy may not name a Resource", () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}]}';
    expect(diagnosePolicy(text, "trust", catalog).map((finding) => finding.path)).toContain("Statement[0].Resource");
    expect(diagnosePolicy(text, "identity", catalog).some((finding) => finding.source === "grammar" && finding.path === "Statement[0].Principal")).toBe(true);
  });
});

describe("diagnosePolicy on hostile documents", () => {
  // RFC 8259 §4 leaves duplicate names to the parser (JSON.parse keeps the last); the IAM grammar
  // has each element once: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
  it("marks each duplicate key where it is written, as a blocking error", () => {
    const text = '{\n  "Statement": [{\n    "Effect": "Deny",\n    "Effect": "Allow",\n    "Action": "iam:*",\n    "Effect": "Deny",\n    "Resource": "*"\n  }]\n}';
    const duplicates = diagnosePolicy(text, "identity", catalog).filter((finding) => finding.code === "DuplicateKey");
    expect(duplicates.map((finding) => finding.range?.startLine)).toEqual([4, 6]);
    expect(duplicates[0]).toMatchObject({ source: "grammar", severity: "error", path: "Statement[0].Effect", docUrl: `${GUIDE}reference_policies_grammar.html` });
    expect(duplicates[0].message).toContain('"Effect" appears 3 times (lines 3, 4 and 6)');
  });

  it("shows nesting past 64 levels as one error and does not lint it", () => {
    const text = `{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:username":${"[".repeat(7000)}${"]".repeat(7000)}}}}]}`;
    // Its 14,000 brackets are over a managed policy's 6,144 too; that quota is checked apart.
    expect(diagnosePolicy(text, "identity", catalog).map((finding) => finding.code)).toEqual(["PolicySizeExceedsQuota", "TooDeep"]);
    const findings = diagnosePolicy(text, "identity", catalog, { sizeLimit: 20_000 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ source: "grammar", code: "TooDeep", range: { startLine: 1 } });
    expect(findings[0].path.startsWith('Statement[0].Condition.StringEquals["aws:username"][0]')).toBe(true);
  });
});

describe("serverFindings", () => {
  it("places the server's issues in the text from their paths", () => {
    const text = '{\n  "Statement": {\n    "Effect": "Permit"\n  }\n}';
    const [finding] = serverFindings([{ code: "InvalidEffect", message: "Effect must be Allow or Deny.", path: "Statement.Effect" }], text);
    expect(finding).toMatchObject({ source: "grammar", severity: "error", range: { startLine: 3, startColumn: 15 } });
  });
});

describe("grammarDocUrl", () => {
  it("links the innermost element named in the path", () => {
    expect(grammarDocUrl('Statement[2].Condition.StringEquals["aws:SourceIp"]')).toBe(`${GUIDE}reference_policies_elements_condition.html`);
    expect(grammarDocUrl("Statement[0].NotPrincipal.AWS")).toBe(`${GUIDE}reference_policies_elements_notprincipal.html`);
    expect(grammarDocUrl("")).toBe(`${GUIDE}reference_policies_grammar.html`);
  });
});

describe("formatPolicyText", () => {
  it("re-indents without rewriting tokens", () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get\\u004fbject","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":1.50}}}]}';
    const formatted = formatPolicyText(text);
    expect(formatted.split("\n")[1]).toBe('  "Version": "2012-10-17",');
    expect(formatted).toContain('"s3:Get\\u004fbject"');
    expect(formatted).toContain("1.50");
    expect(JSON.parse(formatted)).toEqual(JSON.parse(text));
  });
});

describe("hovers", () => {
  const text = '{"Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}';

  it("explain an action with its access level, resource types and description", () => {
    const target = hoverTarget(text, text.indexOf("s3:GetObject") + 3);
    expect(target).toEqual({ kind: "action", value: "s3:GetObject", start: text.indexOf('"s3:GetObject"'), end: text.indexOf('"s3:GetObject"') + 14 });
    const markdown = target && hoverMarkdown(target, catalog, () => ({ actions: { GetObject: "Grants permission to retrieve objects" }, conditionKeys: {} }));
    expect(markdown).toContain("Access level: **Read**");
    expect(markdown).toContain("Grants permission to retrieve objects");
    expect(markdown).toMatch(/Resource types: .*`object`/);
  });

  it("explain a condition key with its type", () => {
    const target = hoverTarget(text, text.indexOf("aws:SourceIp") + 2);
    expect(target?.kind).toBe("conditionKey");
    const markdown = target && hoverMarkdown(target, catalog, () => undefined);
    expect(markdown).toContain("global condition key");
    expect(markdown).toContain("Type: **IPAddress**");
  });

  it("say nothing about other strings or unknown actions", () => {
    expect(hoverTarget(text, text.indexOf('"Allow"') + 2)).toBeUndefined();
    const unknown = '{"Statement":{"Action":"s3:NoSuchThing"}}';
    const target = hoverTarget(unknown, unknown.indexOf("NoSuch"));
    expect(target && hoverMarkdown(target, catalog, () => undefined)).toBeUndefined();
  });
});
