import { describe, expect, it } from "vitest";
import { CONDITION_OPERATORS, parseConditionOperator, POLICY_KINDS, type PolicyKind } from "../validate";
import { conditionOperatorNames, policyJsonSchema, type JsonSchema } from "./policy-schema";

function statementOf(kind: PolicyKind): JsonSchema {
  const statement = policyJsonSchema(kind).definitions?.statement;
  if (!statement) throw new Error("no statement definition");
  return statement;
}

function elementsOf(kind: PolicyKind): string[] {
  return Object.keys(statementOf(kind).properties ?? {}).sort();
}

/** Every "$ref" in the schema, so each can be checked to resolve. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => (key === "$ref" && typeof child === "string" ? [child] : refs(child)));
}

describe("policyJsonSchema", () => {
  it("offers the elements each kind allows, and only those", () => {
    expect(elementsOf("identity")).toEqual(["Action", "Condition", "Effect", "NotAction", "NotResource", "Resource", "Sid"]);
    // A trust policy names principals and has no Resource: the role is the resource.
    expect(elementsOf("trust")).toEqual(["Action", "Condition", "Effect", "NotAction", "Principal", "Sid"]);
    expect(elementsOf("resource")).toEqual(["Action", "Condition", "Effect", "NotAction", "NotPrincipal", "NotResource", "Principal", "Resource", "Sid"]);
    // RCPs have no NotAction and no NotPrincipal.
    expect(elementsOf("rcp")).toEqual(["Action", "Condition", "Effect", "NotResource", "Principal", "Resource", "Sid"]);
  });

  it("requires Effect and exactly one of each element pair", () => {
    expect(statementOf("identity").required).toEqual(["Effect"]);
    expect(statementOf("identity").allOf).toEqual([
      { oneOf: [{ required: ["Action"] }, { required: ["NotAction"] }] },
      { oneOf: [{ required: ["Resource"] }, { required: ["NotResource"] }] },
    ]);
    expect(statementOf("trust").allOf).toEqual([{ oneOf: [{ required: ["Action"] }, { required: ["NotAction"] }] }, { required: ["Principal"] }]);
    expect(statementOf("rcp").allOf?.[0]).toEqual({ required: ["Action"] });
  });

  it("accepts the two policy language versions and a statement or a list of them", () => {
    for (const kind of POLICY_KINDS) {
      const schema = policyJsonSchema(kind);
      expect(schema.properties?.Version?.enum).toEqual(["2012-10-17", "2008-10-17"]);
      expect(schema.required).toEqual(["Statement"]);
      expect(schema.additionalProperties).toBe(false);
      for (const target of refs(schema)) {
        expect(target).toMatch(/^#\/definitions\//);
        expect(schema.definitions, target).toHaveProperty([target.slice("#/definitions/".length)]);
      }
    }
    expect(statementOf("identity").properties?.Effect?.enum).toEqual(["Allow", "Deny"]);
  });

  it("links every element to its page in the IAM User Guide", () => {
    for (const [name, element] of Object.entries(statementOf("resource").properties ?? {})) {
      expect(element.markdownDescription, name).toMatch(/\(https:\/\/docs\.aws\.amazon\.com\/IAM\/latest\/UserGuide\/reference_policies_elements_[a-z_]+\.html\)/);
    }
  });

  it("gives a statement skeleton that fits the kind", () => {
    const [identity] = statementOf("identity").defaultSnippets ?? [];
    expect(identity.body).toEqual({ Effect: "Allow", Action: ["$2"], Resource: "$3" });
    const [trust] = statementOf("trust").defaultSnippets ?? [];
    expect(trust.body).toMatchObject({ Principal: { Service: "${1:ec2.amazonaws.com}" }, Action: "sts:AssumeRole" });
    expect(trust.body).not.toHaveProperty("Resource");
  });
});

describe("conditionOperatorNames", () => {
  const names = conditionOperatorNames();

  it("lists every name the validator accepts, each once", () => {
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(CONDITION_OPERATORS, name).toContain(parseConditionOperator(name)?.base);
    for (const operator of CONDITION_OPERATORS) expect(names).toContain(operator);
    expect(names).toContain("StringLikeIfExists");
    expect(names).toContain("ForAnyValue:StringLike");
    expect(names).toContain("ForAllValues:ArnLikeIfExists");
  });

  it("has no IfExists or set form of Null (it tests existence itself)", () => {
    expect(names.filter((name) => name.includes("Null"))).toEqual(["Null"]);
  });

  it("are the Condition block's only properties", () => {
    const condition = statementOf("identity").properties?.Condition;
    expect(Object.keys(condition?.properties ?? {}).sort()).toEqual([...names].sort());
    expect(condition?.additionalProperties).toBe(false);
  });
});
