/**
 * Hovers for the policy editor as Markdown: an action (service, access level, resource types,
 * condition keys, description) or a condition key (type, where it is defined, description).
 * Pure: the catalog index and descriptions are handed in.
 */
import { getLocation } from "jsonc-parser";
import type { CatalogIndex } from "@/lib/iam/client";
import type { DescriptionsOf } from "./completion";

export interface HoverTarget {
  kind: "action" | "conditionKey";
  /** The string under the cursor, without quotes. */
  value: string;
  /** Offsets of the string, quotes included. */
  start: number;
  end: number;
}

const REFERENCE = "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html";
const GLOBAL_KEYS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html";

/** What the cursor rests on, when it is an action string or a condition key name. */
export function hoverTarget(text: string, offset: number): HoverTarget | undefined {
  const location = getLocation(text, offset);
  const node = location.previousNode;
  if (!node || (node.type !== "string" && node.type !== "property") || typeof node.value !== "string") return undefined;
  if (offset < node.offset || offset > node.offset + node.length) return undefined;
  const path = location.path;
  if (path[0] !== "Statement") return undefined;
  const inside = typeof path[1] === "number" ? path.slice(2) : path.slice(1);
  const target = { value: node.value, start: node.offset, end: node.offset + node.length };
  if (!location.isAtPropertyKey && (inside[0] === "Action" || inside[0] === "NotAction") && inside.length <= 2) return { kind: "action", ...target };
  if (location.isAtPropertyKey && inside[0] === "Condition" && inside.length === 3) return { kind: "conditionKey", ...target };
  return undefined;
}

/** Markdown describing the target, or undefined when the catalog does not know it. */
export function hoverMarkdown(target: HoverTarget, index: CatalogIndex, descriptionsOf: DescriptionsOf): string | undefined {
  if (target.kind === "action") {
    const action = index.action(target.value);
    if (!action) return undefined;
    const service = index.service(action.service);
    const description = descriptionsOf(action.service)?.actions[action.name];
    const types = index.resourceTypesOf(action);
    const lines = [`**${action.service}:${action.name}** — ${service?.name ?? action.service}`, "", `Access level: **${action.accessLevel}**`];
    if (description) lines.push("", description);
    lines.push(
      "",
      types.length === 0
        ? "Resource types: none (use `\"Resource\": \"*\"`)."
        : `Resource types: ${types.map((type) => `\`${type.name}\`${type.required ? " (required)" : ""}`).join(", ")}`,
    );
    if (action.conditionKeys.length > 0) lines.push("", `Condition keys: ${action.conditionKeys.map((key) => `\`${key}\``).join(", ")}`);
    lines.push("", `[Service Authorization Reference](${REFERENCE})`);
    return lines.join("\n");
  }
  const match = index.conditionKey(target.value);
  if (!match) return undefined;
  const description = match.service ? descriptionsOf(match.service)?.conditionKeys[match.definition.key] : undefined;
  const where = match.scope === "global" ? "global condition key" : `condition key of ${index.service(match.service ?? "")?.name ?? match.service}`;
  const lines = [`**${match.definition.key}** — ${where}`, "", `Type: **${match.definition.type}**`];
  if (description) lines.push("", description);
  lines.push("", `[${match.scope === "global" ? "Global condition keys" : "Service Authorization Reference"}](${match.scope === "global" ? GLOBAL_KEYS : REFERENCE})`);
  return lines.join("\n");
}
