import type { AccessLevel, AccessStatus } from "@/lib/iam/client";
import type { AccessLevelView, ActionGroup, ServiceView } from "@/lib/schemas/access";

// The panel's search and filters, kept pure so large analyses filter without React in the way.

export type StatusFilter = "all" | "allowed" | "denied" | "removed";

export interface PanelFilter {
  /** Matches a service prefix or name (the whole service) or an action name. */
  text: string;
  level: AccessLevel | "all";
  status: StatusFilter;
}

export const NO_FILTER: PanelFilter = { text: "", level: "all", status: "all" };

const STATUS_GROUPS: Record<Exclude<StatusFilter, "all">, readonly AccessStatus[]> = {
  allowed: ["allowed", "conditional"],
  denied: ["explicitlyDenied"],
  removed: ["removedByBoundary", "removedByScp", "removedBySessionPolicy"],
};

export const isFiltering = (filter: PanelFilter) => filter.text.trim() !== "" || filter.level !== "all" || filter.status !== "all";

function keepGroup(group: ActionGroup, filter: PanelFilter, actionText: string | null): ActionGroup | null {
  if (filter.status !== "all" && !STATUS_GROUPS[filter.status].includes(group.status)) return null;
  if (actionText === null) return group;
  const actions = group.actions.filter((name) => name.toLowerCase().includes(actionText));
  return actions.length === 0 ? null : { ...group, actions };
}

function keepLevel(level: AccessLevelView, filter: PanelFilter, actionText: string | null): AccessLevelView | null {
  if (filter.level !== "all" && level.accessLevel !== filter.level) return null;
  const groups = level.groups.flatMap((group) => keepGroup(group, filter, actionText) ?? []);
  return groups.length === 0 ? null : { ...level, groups };
}

/**
 * The services and actions the filter keeps. A search that names the service (prefix or name)
 * keeps all its actions; otherwise it keeps the actions whose name contains it, and an action
 * typed in full (`s3:GetObject`) finds that action of that service.
 */
export function filterServices(services: readonly ServiceView[], filter: PanelFilter): ServiceView[] {
  if (!isFiltering(filter)) return [...services];
  const text = filter.text.trim().toLowerCase();
  const [servicePart, actionPart] = text.includes(":") ? text.split(":", 2) : [null, text];
  return services.flatMap((service) => {
    const serviceMatches = text === "" || (servicePart === null && (service.service.includes(text) || service.name.toLowerCase().includes(text)));
    if (servicePart !== null && service.service !== servicePart) return [];
    const actionText = serviceMatches ? null : actionPart;
    const accessLevels = service.accessLevels.flatMap((level) => keepLevel(level, filter, actionText) ?? []);
    return accessLevels.length === 0 ? [] : [{ ...service, accessLevels }];
  });
}
