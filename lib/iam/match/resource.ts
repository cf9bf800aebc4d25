/**
 * Resource and NotResource patterns: case-sensitive ARN matching with `*` and `?`, and policy
 * variables ("IAM JSON policy elements: Resource"). `"*"` as the request's resource is the
 * literal resource `*` (actions that take no resource), matched only by patterns that cover it.
 */
import { compileTokens, tokenize, type StringMatcher } from "./glob";
import { parseTemplate, resolveTemplate, type ContextLookup, type KeyName, type Template } from "../variables";

export interface ResourcePatterns {
  matches(resource: string, lookup: ContextLookup): boolean;
  /** Variable keys without a default; a missing one voids its pattern. */
  variableKeys: KeyName[];
}

type CompiledPattern = { fixed: StringMatcher } | { template: Template };

function compilePattern(pattern: string, substitute: boolean): CompiledPattern {
  const template = parseTemplate(pattern, substitute);
  if (!template.hasVariables) {
    return { fixed: compileTokens(tokenize([{ text: pattern, literal: false }], { arnSegments: true })) };
  }
  return { template };
}

export function compileResourcePatterns(patterns: readonly string[], substitute: boolean): ResourcePatterns {
  const compiled = patterns.map((pattern) => compilePattern(pattern, substitute));
  const variableKeys = compiled.flatMap((entry) => ("template" in entry ? entry.template.requiredKeys : []));
  return {
    variableKeys,
    matches(resource, lookup) {
      for (const entry of compiled) {
        if ("fixed" in entry) {
          if (entry.fixed(resource)) return true;
          continue;
        }
        const segments = resolveTemplate(entry.template, lookup);
        if (segments && compileTokens(tokenize(segments, { arnSegments: true }))(resource)) return true;
      }
      return false;
    },
  };
}
