/**
 * The analysis grouped as the effective-permissions panel shows it: service → access level,
 * each Full / Limited / None, with counts per status; and the one-line total.
 */
import { ACCESS_LEVELS, type AccessLevel, type Catalog } from "../catalog/types";
import {
  ACCESS_STATUSES,
  type AccessCounts,
  type AccessExtent,
  type AccessLevelAccess,
  type ActionAccess,
  type ServiceAccess,
  type StatusCounts,
} from "./types";

function zeroCounts(): StatusCounts {
  const counts = {} as StatusCounts;
  for (const status of ACCESS_STATUSES) counts[status] = 0;
  return counts;
}

function granted(counts: StatusCounts): number {
  return counts.allowed + counts.conditional;
}

/** Full = every action allowed everywhere without condition. */
function extent(counts: StatusCounts, total: number): AccessExtent {
  if (total > 0 && counts.allowed === total) return "Full";
  return granted(counts) > 0 ? "Limited" : "None";
}

function addCounts(into: StatusCounts, from: StatusCounts): void {
  for (const status of ACCESS_STATUSES) into[status] += from[status];
}

/** `entries[s][a]`: the entry of action a of catalog service s, or null when not mentioned. */
export function summarize(
  catalog: Catalog,
  entries: readonly (readonly (ActionAccess | null)[])[],
): { counts: AccessCounts; services: ServiceAccess[] } {
  const byStatus = zeroCounts();
  let actions = 0;
  let grantedServices = 0;
  const services: ServiceAccess[] = [];
  catalog.services.forEach((service, serviceIndex) => {
    const levels = {} as Record<AccessLevel, AccessLevelAccess>;
    for (const level of ACCESS_LEVELS) {
      levels[level] = { accessLevel: level, access: "None", total: 0, counts: zeroCounts(), actions: [] };
    }
    let mentioned = false;
    service.actions.forEach((action, i) => {
      const group = levels[action.accessLevel];
      const entry = entries[serviceIndex][i];
      group.total++;
      group.counts[entry?.status ?? "notGranted"]++;
      if (entry) {
        group.actions.push(entry);
        mentioned = true;
      }
    });
    const counts = zeroCounts();
    const accessLevels: AccessLevelAccess[] = [];
    for (const level of ACCESS_LEVELS) {
      const group = levels[level];
      if (group.total === 0) continue;
      group.access = extent(group.counts, group.total);
      addCounts(counts, group.counts);
      accessLevels.push(group);
    }
    addCounts(byStatus, counts);
    actions += service.actions.length;
    if (granted(counts) > 0) grantedServices++;
    if (mentioned) {
      const total = service.actions.length;
      services.push({ service: service.prefix, name: service.name, access: extent(counts, total), total, counts, accessLevels });
    }
  });
  return { counts: { actions, granted: granted(byStatus), services: grantedServices, byStatus }, services };
}

const NUMBER = new Intl.NumberFormat("en-US");

/** "1,204 actions in 37 services; 3 explicitly denied". */
export function describeCounts(counts: AccessCounts): string {
  const plural = (n: number, word: string) => `${NUMBER.format(n)} ${word}${n === 1 ? "" : "s"}`;
  const parts = [`${plural(counts.granted, "action")} in ${plural(counts.services, "service")}`];
  if (counts.byStatus.explicitlyDenied > 0) parts.push(`${NUMBER.format(counts.byStatus.explicitlyDenied)} explicitly denied`);
  return parts.join("; ");
}
