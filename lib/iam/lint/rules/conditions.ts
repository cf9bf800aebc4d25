import type { ConditionKeyMatch } from "../../catalog";
import { parseConditionOperator, type ParsedConditionOperator } from "../../validate";
import type { PathSegment } from "../../validate/path";
import { closest } from "../distance";
import { DOCS } from "../docs";
import { isRecord, where, type LintContext, type StatementView } from "../context";
import { checkValue, familyOf, type OperatorFamily } from "./condition-values";

/** The services of the statement's actions; undefined when any action could be meant. */
function actionServices(statement: StatementView): Set<string> | undefined {
  if (!statement.action || statement.action.some((item) => item.value === "*")) return undefined;
  return new Set(statement.action.map((item) => item.value.split(":")[0].toLowerCase()));
}

/**
 * Whether a key with a tag-style suffix is known under another spelling of its placeholder
 * ("secretsmanager:ResourceTag/tag-key" upstream, where most services write ${TagKey}).
 */
function knownByStem(key: string, candidates: readonly string[]): boolean {
  const slash = key.indexOf("/");
  if (slash < 0) return false;
  const stem = key.slice(0, slash + 1).toLowerCase();
  return candidates.some((candidate) => candidate.length > stem.length && candidate.toLowerCase().startsWith(stem));
}

/** Whether one of the statement's own actions lists the key (sts:AssumeRole lists iam:ResourceTag/…). */
function anActionSupports(definitionKey: string, statement: StatementView, context: LintContext): boolean {
  const wanted = definitionKey.toLowerCase();
  return (statement.action ?? []).some((item) => {
    const action = context.catalog.action(item.value);
    if (!action) return false;
    if (action.conditionKeys.some((key) => key.toLowerCase() === wanted)) return true;
    return context.catalog.resourceTypesOf(action).some((type) => type.conditionKeys.some((key) => key.toLowerCase() === wanted));
  });
}

function checkKey(key: string, match: ConditionKeyMatch | undefined, path: PathSegment[], statement: StatementView, context: LintContext): void {
  const prefix = key.split(":")[0].toLowerCase();
  if (!match) {
    // Keys of identity providers ("accounts.google.com:aud") and SAML are not in the catalog.
    if (prefix !== "aws" && !context.catalog.service(prefix)) return;
    const candidates = prefix === "aws" ? context.index.globalKeys : context.index.serviceKeys(prefix);
    if (knownByStem(key, candidates)) return;
    const guess = closest(key, candidates);
    context.report({
      code: "UnknownConditionKey",
      severity: "warning",
      path,
      span: "property",
      message: `${where(statement)}: ${key} is not a ${prefix === "aws" ? "global" : prefix} condition key, so the request never has it.${guess ? ` Did you mean "${guess}"?` : ""}`,
      docUrl: DOCS.conditionKeys,
    });
    return;
  }
  if (match.scope === "global") return;
  const services = actionServices(statement);
  if (!services || services.has(prefix) || (match.service !== null && services.has(match.service))) return;
  if (anActionSupports(match.definition.key, statement, context)) return;
  context.report({
    code: "ConditionKeyNotForActions",
    severity: "warning",
    path,
    span: "property",
    message: `${where(statement)}: ${key} belongs to ${prefix}, and no action of this statement supports it, so the request never has it; use it with ${prefix} actions or remove it.`,
    docUrl: DOCS.conditionKeys,
  });
}

// Which key types each operator family may compare. ARN operators are allowed on String keys
// too: several ARN-valued keys are typed String upstream (aws:SourceVpcArn).
const COMPATIBLE: Record<Exclude<OperatorFamily, "Null">, readonly string[]> = {
  String: ["String", "ARN"],
  ARN: ["ARN", "String"],
  Numeric: ["Numeric"],
  Date: ["Date"],
  Bool: ["Bool"],
  Binary: ["Binary"],
  IPAddress: ["IPAddress"],
};

/** The operators' own spelling of each key type, for the message. */
const OPERATOR_WORD: Record<string, string> = {
  String: "String",
  ARN: "Arn",
  Numeric: "Numeric",
  Date: "Date",
  Bool: "Bool",
  Binary: "BinaryEquals",
  IPAddress: "IpAddress",
};

function checkOperatorType(operator: ParsedConditionOperator, name: string, key: string, type: string, path: PathSegment[], statement: StatementView, context: LintContext): void {
  const family = familyOf(operator.base);
  const base = type.replace(/^ArrayOf/, "");
  if (family === "Null" || !(base in OPERATOR_WORD) || COMPATIBLE[family].includes(base)) return;
  context.report({
    code: "ConditionTypeMismatch",
    severity: "warning",
    path,
    span: "property",
    message: `${where(statement)}: ${key} holds ${base} values; compare it with a ${OPERATOR_WORD[base]} operator, not ${name}.`,
    docUrl: DOCS.conditionOperators,
  });
}

/** Set operators belong to multivalued keys; ForAllValues is also true when the key is missing. */
function checkSetOperator(operator: ParsedConditionOperator, name: string, key: string, type: string, path: PathSegment[], statement: StatementView, context: LintContext): void {
  if (!operator.setOperator) return;
  if (!type.startsWith("ArrayOf")) {
    context.report({
      code: `${operator.setOperator}WithSingleValuedKey`,
      severity: "warning",
      path,
      span: "property",
      message: `${where(statement)}: ${key} is single-valued, so ${operator.setOperator} does not apply to it and can make the condition more permissive than intended; use ${name.slice(name.indexOf(":") + 1)} without the set operator.`,
      docUrl: DOCS.multiValued,
    });
    return;
  }
  if (operator.setOperator !== "ForAllValues" || statement.effect !== "Allow" || requiresKey(statement, key)) return;
  context.report({
    code: "ForAllValuesWithAllow",
    severity: "security",
    path,
    span: "property",
    message: `${where(statement)}: ForAllValues is true when the request has no ${key} at all, so this Allow also applies then; add "Null": {"${key}": "false"} to require the key.`,
    docUrl: DOCS.multiValued,
  });
}

/** Whether the statement also demands that the key be present ("Null": {key: "false"}). */
function requiresKey(statement: StatementView, key: string): boolean {
  const block = statement.condition?.Null;
  if (!isRecord(block)) return false;
  const entry = Object.entries(block).find(([name]) => name.toLowerCase() === key.toLowerCase());
  if (!entry) return false;
  const values: unknown[] = Array.isArray(entry[1]) ? entry[1] : [entry[1]];
  return values.length > 0 && values.every((value) => value === false || (typeof value === "string" && value.toLowerCase() === "false"));
}

function checkValues(operator: ParsedConditionOperator, name: string, key: string, value: unknown, path: PathSegment[], statement: StatementView, context: LintContext): void {
  if (Array.isArray(value) && value.length === 0) {
    context.report({
      code: "EmptyConditionValues",
      severity: "warning",
      path,
      message: `${where(statement)}: ${name} gives ${key} an empty list of values, which matches nothing useful; add a value or remove the key.`,
      docUrl: DOCS.condition,
    });
    return;
  }
  const values: unknown[] = Array.isArray(value) ? value : [value];
  values.forEach((item, index) => {
    if (typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean") return;
    const finding = checkValue(operator.base, key, item);
    if (!finding) return;
    context.report({ ...finding, path: Array.isArray(value) ? [...path, index] : path, message: `${where(statement)}: ${finding.message}` });
  });
}

export function checkConditions(statement: StatementView, context: LintContext): void {
  if (!statement.condition) return;
  for (const [name, block] of Object.entries(statement.condition)) {
    const operator = parseConditionOperator(name);
    if (!operator || !isRecord(block)) continue;
    for (const [key, value] of Object.entries(block)) {
      const path: PathSegment[] = [...statement.path, "Condition", name, key];
      if (!/^[^:\s]+:.+$/.test(key)) continue; // malformed keys are the validator's
      const match = context.catalog.conditionKey(key);
      checkKey(key, match, path, statement, context);
      if (match) {
        checkOperatorType(operator, name, key, match.definition.type, path, statement, context);
        checkSetOperator(operator, name, key, match.definition.type, path, statement, context);
      }
      checkValues(operator, name, key, value, path, statement, context);
    }
  }
}
