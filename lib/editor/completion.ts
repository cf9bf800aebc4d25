/**
 * Catalog completions for the policy editor as plain data (Monaco turns them into items): after
 * `"s3:` the S3 actions with access level and description; condition keys (global, and those of
 * the statement's services, the actions' own first); ARN templates of the resource types of the
 * statement's actions. Pure: the catalog index and the loaded descriptions are handed in.
 */
import type { CatalogIndex, CatalogConditionKey } from "@/lib/iam/client";
import type { CursorContext } from "./cursor";
import type { ServiceDescriptions } from "./descriptions";
import { expandActions, servicesOf } from "./statement-actions";

export type SuggestionKind = "service" | "action" | "conditionKey" | "resource";

export interface Suggestion {
  kind: SuggestionKind;
  label: string;
  /** Plain text, or a snippet with ${1:placeholders} when `snippet` is true. */
  insertText: string;
  snippet: boolean;
  /** One line shown beside the label: access level, key type, resource type. */
  detail: string;
  documentation?: string;
  /** Orders the list: the most relevant group first, then by label. */
  sortText: string;
  /** True when inserting should open the list again (after a service prefix). */
  retrigger: boolean;
}

/** Describes how to look up a service's descriptions; absent ones are simply not shown. */
export type DescriptionsOf = (service: string) => ServiceDescriptions | undefined;

const PLACEHOLDER = /\$\{([^}]+)\}|<([^>]+)>/g;

/** Snippet text escapes `$`, `}` and `\` outside placeholders. */
function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, "\\$&");
}

/** `arn:${Partition}:s3:::${BucketName}` → `arn:aws:s3:::${1:BucketName}`: tab through the blanks. */
export function templateSnippet(template: string): string {
  let out = "";
  let last = 0;
  let stop = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    out += escapeSnippet(template.slice(last, match.index));
    const name = match[1] ?? match[2];
    out += name === "Partition" ? "aws" : `\${${++stop}:${escapeSnippet(name)}}`;
    last = match.index + match[0].length;
  }
  return out + escapeSnippet(template.slice(last));
}

function serviceSuggestions(index: CatalogIndex): Suggestion[] {
  return index.catalog.services.map((service) => ({
    kind: "service",
    label: `${service.prefix}:`,
    insertText: `${service.prefix}:`,
    snippet: false,
    detail: service.name,
    sortText: service.prefix,
    retrigger: true,
  }));
}

function actionSuggestions(prefix: string, index: CatalogIndex, descriptionsOf: DescriptionsOf): Suggestion[] {
  const colon = prefix.indexOf(":");
  if (colon < 0) return serviceSuggestions(index);
  const service = index.service(prefix.slice(0, colon));
  if (!service) return [];
  const descriptions = descriptionsOf(service.prefix);
  const items: Suggestion[] = service.actions.map((action) => ({
    kind: "action",
    label: `${service.prefix}:${action.name}`,
    insertText: `${service.prefix}:${action.name}`,
    snippet: false,
    detail: action.accessLevel,
    documentation: descriptions?.actions[action.name],
    sortText: `1${action.name}`,
    retrigger: false,
  }));
  items.push({
    kind: "action",
    label: `${service.prefix}:*`,
    insertText: `${service.prefix}:*`,
    snippet: false,
    detail: `Every ${service.name} action`,
    sortText: "2",
    retrigger: false,
  });
  return items;
}

function keySuggestion(definition: CatalogConditionKey, group: number, source: string, description: string | undefined): Suggestion {
  return {
    kind: "conditionKey",
    label: definition.key,
    insertText: templateSnippet(definition.key),
    snippet: true,
    detail: `${definition.type} · ${source}`,
    documentation: description || undefined,
    sortText: `${group}${definition.key.toLowerCase()}`,
    retrigger: false,
  };
}

function conditionKeySuggestions(context: CursorContext, index: CatalogIndex, descriptionsOf: DescriptionsOf): Suggestion[] {
  const byKey = new Map<string, Suggestion>();
  const add = (key: string, group: number, source: string): void => {
    const match = index.conditionKey(key);
    if (!match || byKey.has(match.definition.key.toLowerCase())) return;
    const description = match.service ? descriptionsOf(match.service)?.conditionKeys[match.definition.key] : undefined;
    byKey.set(match.definition.key.toLowerCase(), keySuggestion(match.definition, group, source, description));
  };
  // Keys the statement's own actions support come first: they are the ones that can work here.
  for (const action of expandActions(context.actions, index)) {
    for (const key of action.conditionKeys) add(key, 0, `supported by ${action.service}:${action.name}`);
    for (const type of index.resourceTypesOf(action)) for (const key of type.conditionKeys) add(key, 0, `${action.service} ${type.name}`);
  }
  for (const prefix of servicesOf(context.actions, index)) {
    const service = index.service(prefix);
    for (const key of service?.conditionKeys ?? []) add(key.key, 1, service?.name ?? prefix);
  }
  for (const key of index.catalog.globalConditionKeys) add(key.key, 2, "global");
  return [...byKey.values()];
}

function resourceSuggestions(context: CursorContext, index: CatalogIndex): Suggestion[] {
  const byArn = new Map<string, { type: string; actions: string[]; required: boolean }>();
  let needsStar = false;
  for (const action of expandActions(context.actions, index)) {
    const types = index.resourceTypesOf(action);
    if (types.length === 0) needsStar = true;
    for (const type of types) {
      if (!type.arn) continue;
      const entry = byArn.get(type.arn) ?? { type: `${action.service} ${type.name}`, actions: [], required: false };
      entry.actions.push(action.name);
      entry.required ||= type.required;
      byArn.set(type.arn, entry);
    }
  }
  const items: Suggestion[] = [...byArn].map(([arn, entry]) => ({
    kind: "resource",
    label: arn,
    insertText: templateSnippet(arn),
    snippet: true,
    detail: entry.type,
    documentation: `Resource type ${entry.type}, used by ${entry.actions.slice(0, 8).join(", ")}${entry.actions.length > 8 ? ` and ${entry.actions.length - 8} more` : ""}.`,
    sortText: `${entry.required ? 0 : 1}${arn}`,
    retrigger: false,
  }));
  if (needsStar) {
    items.push({ kind: "resource", label: "*", insertText: "*", snippet: false, detail: "actions without a resource type", sortText: "2", retrigger: false });
  }
  return items;
}

/** The catalog's suggestions for the cursor's place. */
export function catalogSuggestions(context: CursorContext, index: CatalogIndex, descriptionsOf: DescriptionsOf): Suggestion[] {
  switch (context.place) {
    case "action":
      return actionSuggestions(context.prefix, index, descriptionsOf);
    case "conditionKey":
      return conditionKeySuggestions(context, index, descriptionsOf);
    case "resource":
      return resourceSuggestions(context, index);
  }
}
