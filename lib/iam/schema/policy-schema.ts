/**
 * The IAM JSON policy grammar as a JSON Schema (draft-07), one per policy kind. The editor hands
 * it to Monaco's JSON language service for structure completion and element hovers; validation
 * stays lib/iam/validate's (its messages carry AWS's rules and exact paths). Pure data.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
import { CONDITION_OPERATORS } from "../validate";
import { KIND_RULES } from "../validate/kinds";
import type { PolicyKind } from "../validate/types";

/** The subset of JSON Schema this file writes, plus the VS Code extensions Monaco reads. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  /** Shown by Monaco's hover and completion instead of `description`. */
  markdownDescription?: string;
  type?: "object" | "array" | "string" | "number" | "boolean";
  enum?: readonly string[];
  const?: string;
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: readonly string[];
  items?: JsonSchema;
  minItems?: number;
  oneOf?: readonly JsonSchema[];
  anyOf?: readonly JsonSchema[];
  allOf?: readonly JsonSchema[];
  definitions?: Record<string, JsonSchema>;
  /** Monaco's "insert this skeleton" completions (a VS Code extension to JSON Schema). */
  defaultSnippets?: ReadonlyArray<{ label: string; description?: string; body: unknown }>;
}

const GUIDE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/";

function documented(text: string, page: string): Pick<JsonSchema, "description" | "markdownDescription"> {
  return { description: text, markdownDescription: `${text}\n\n[AWS documentation](${GUIDE}${page})` };
}

const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });

const stringOrStrings: JsonSchema = {
  anyOf: [{ type: "string" }, { type: "array", items: { type: "string" }, minItems: 1 }],
};

/** Every operator name the grammar accepts: base, …IfExists, and the set-qualified forms. */
export function conditionOperatorNames(): string[] {
  const plain = CONDITION_OPERATORS.flatMap((operator) => (operator === "Null" ? [operator] : [operator, `${operator}IfExists`]));
  return [...plain, ...plain.filter((name) => name !== "Null").flatMap((name) => [`ForAllValues:${name}`, `ForAnyValue:${name}`])];
}

const conditionValue: JsonSchema = {
  anyOf: [
    { type: "string" },
    { type: "number" },
    { type: "boolean" },
    { type: "array", items: { anyOf: [{ type: "string" }, { type: "number" }, { type: "boolean" }] } },
  ],
};

function conditionBlock(): JsonSchema {
  const operatorBlock: JsonSchema = {
    type: "object",
    ...documented("Condition keys and the values to compare them with; several values for one key are ORed.", "reference_policies_elements_condition.html"),
    additionalProperties: conditionValue,
  };
  const properties: Record<string, JsonSchema> = {};
  for (const name of conditionOperatorNames()) properties[name] = operatorBlock;
  return {
    type: "object",
    ...documented(
      "When the statement applies: condition operators, each with keys and values. Every operator block must match.",
      "reference_policies_elements_condition_operators.html",
    ),
    properties,
    additionalProperties: false,
  };
}

function principalSchema(what: string): JsonSchema {
  return {
    ...documented(`${what}: "*" for everyone, or an object naming AWS principals, services or federated identities.`, "reference_policies_elements_principal.html"),
    anyOf: [
      { type: "string", enum: ["*"] },
      {
        type: "object",
        properties: {
          AWS: { ...stringOrStrings, description: "Account ids, account roots, IAM user and role ARNs, or \"*\"." },
          Service: { ...stringOrStrings, description: "Service principals, e.g. ec2.amazonaws.com." },
          Federated: { ...stringOrStrings, description: "A SAML or OIDC identity provider ARN, or a web identity provider such as cognito-identity.amazonaws.com." },
          CanonicalUser: { ...stringOrStrings, description: "An Amazon S3 canonical user id." },
        },
        additionalProperties: false,
      },
    ],
  };
}

function statementSchema(kind: PolicyKind): JsonSchema {
  const rules = KIND_RULES[kind];
  const properties: Record<string, JsonSchema> = {
    Sid: {
      type: "string",
      ...documented(
        rules.strictSid ? "An optional statement id: letters and digits only, unique within the policy." : "An optional statement id.",
        "reference_policies_elements_sid.html",
      ),
    },
    Effect: { type: "string", enum: ["Allow", "Deny"], ...documented("Whether the statement allows or explicitly denies.", "reference_policies_elements_effect.html") },
    Action: { ...stringOrStrings, ...documented("Actions as service:Action; * and ? are wildcards.", "reference_policies_elements_action.html") },
    Condition: conditionBlock(),
  };
  if (rules.notAction) {
    properties.NotAction = { ...stringOrStrings, ...documented("Every action except these (use with care in Allow statements).", "reference_policies_elements_notaction.html") };
  }
  if (rules.resource === "required") {
    properties.Resource = { ...stringOrStrings, ...documented("Resources as ARNs; * and ? are wildcards within each ARN field.", "reference_policies_elements_resource.html") };
    properties.NotResource = { ...stringOrStrings, ...documented("Every resource except these.", "reference_policies_elements_notresource.html") };
  }
  if (rules.principal === "required") properties.Principal = principalSchema("Who the statement applies to");
  if (rules.notPrincipal) properties.NotPrincipal = principalSchema("Everyone except these principals");

  // Exactly one of each pair the kind allows: Action/NotAction, Resource/NotResource, Principal/NotPrincipal.
  const exactlyOne = (a: string, b: string, bAllowed: boolean): JsonSchema =>
    bAllowed ? { oneOf: [{ required: [a] }, { required: [b] }] } : { required: [a] };
  const requirements: JsonSchema[] = [exactlyOne("Action", "NotAction", rules.notAction)];
  if (rules.resource === "required") requirements.push(exactlyOne("Resource", "NotResource", true));
  if (rules.principal === "required") requirements.push(exactlyOne("Principal", "NotPrincipal", rules.notPrincipal));

  const skeleton: Record<string, unknown> = { Effect: "Allow" };
  if (rules.principal === "required") skeleton.Principal = kind === "trust" ? { Service: "${1:ec2.amazonaws.com}" } : { AWS: "${1:arn:aws:iam::111122223333:root}" };
  skeleton.Action = kind === "trust" ? "sts:AssumeRole" : ["$2"];
  if (rules.resource === "required") skeleton.Resource = "$3";

  return {
    type: "object",
    ...documented(`One statement of ${rules.name}.`, "reference_policies_elements_statement.html"),
    properties,
    additionalProperties: false,
    required: ["Effect"],
    allOf: requirements,
    defaultSnippets: [{ label: "New statement", description: `An ${kind === "trust" ? "AssumeRole" : "Allow"} statement to fill in`, body: skeleton }],
  };
}

/** The JSON Schema for one kind of policy document. */
export function policyJsonSchema(kind: PolicyKind): JsonSchema {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: `iam-console://schemas/policy-${kind}.json`,
    title: `IAM policy (${KIND_RULES[kind].name})`,
    type: "object",
    properties: {
      Version: {
        type: "string",
        enum: ["2012-10-17", "2008-10-17"],
        ...documented('The policy language version. Always use "2012-10-17": the older one has no policy variables.', "reference_policies_elements_version.html"),
      },
      Id: { type: "string", ...documented("An optional identifier for the policy.", "reference_policies_elements_id.html") },
      Statement: {
        ...documented("One statement, or an array of statements.", "reference_policies_elements_statement.html"),
        oneOf: [ref("statement"), { type: "array", items: ref("statement"), minItems: 1 }],
      },
    },
    // Version may be left out (AWS then assumes 2008-10-17); the linter warns about that.
    required: ["Statement"],
    additionalProperties: false,
    definitions: { statement: statementSchema(kind) },
  };
}
