/**
 * Action and NotAction patterns. Actions match case-insensitively, with `*` and `?`
 * ("IAM JSON policy elements: Action"); policy variables do not apply to actions.
 */
import { compileGlob, type StringMatcher } from "./glob";

/** How a pattern list covers one service's actions: a sweep tests per action only for "some". */
export type Coverage = "all" | "none" | "some";

/** A requested action, lower-cased and split once per request. */
export interface ActionName {
  /** `service:name` in lower case. */
  lower: string;
  service: string;
  name: string;
}

export function actionName(action: string): ActionName {
  const lower = action.toLowerCase();
  const colon = lower.indexOf(":");
  return colon < 0
    ? { lower, service: lower, name: "" }
    : { lower, service: lower.slice(0, colon), name: lower.slice(colon + 1) };
}

export interface ActionPatterns {
  matches(action: ActionName): boolean;
  coverage(service: string): Coverage;
}

export function compileActionPatterns(patterns: readonly string[]): ActionPatterns {
  let matchAll = false;
  const exact = new Set<string>();
  const exactServices = new Set<string>();
  const wholeService = new Set<string>();
  const byService = new Map<string, StringMatcher[]>();
  // Patterns with a wildcard in the service prefix ("s3*:Get*", "*:List*") are rare.
  const crossService: StringMatcher[] = [];

  for (const raw of patterns) {
    const pattern = raw.toLowerCase();
    if (pattern === "*") {
      matchAll = true;
      continue;
    }
    const colon = pattern.indexOf(":");
    const service = colon < 0 ? pattern : pattern.slice(0, colon);
    const name = colon < 0 ? "" : pattern.slice(colon + 1);
    if (colon < 0 || /[*?]/.test(service)) {
      crossService.push(compileGlob(pattern));
    } else if (name === "*") {
      wholeService.add(service);
    } else if (!/[*?]/.test(name)) {
      exact.add(pattern);
      exactServices.add(service);
    } else {
      const list = byService.get(service) ?? [];
      list.push(compileGlob(name));
      byService.set(service, list);
    }
  }

  return {
    matches(action) {
      if (matchAll || exact.has(action.lower) || wholeService.has(action.service)) return true;
      const named = byService.get(action.service);
      if (named) for (const matcher of named) if (matcher(action.name)) return true;
      for (const matcher of crossService) if (matcher(action.lower)) return true;
      return false;
    },
    coverage(service) {
      if (matchAll || wholeService.has(service)) return "all";
      if (exactServices.has(service) || byService.has(service) || crossService.length > 0) return "some";
      return "none";
    },
  };
}
