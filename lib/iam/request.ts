/**
 * Reads a raw simulation request (FORMAT.md) into a SimulationRequest, or says why it cannot.
 * Policy documents are kept as given; validation and compilation judge them later.
 */
import type { ContextValue, PolicyDocument, SimulationRequest } from "./types";
import { isRecord } from "./is-record";

export type ParsedRequest = { ok: true; request: SimulationRequest } | { ok: false; error: string };

function scalar(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

function readContext(raw: unknown): Record<string, ContextValue> | string {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw)) return "context must be an object";
  const context: Record<string, ContextValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (Array.isArray(value)) {
      const items = value.map(scalar);
      if (items.some((item) => item === null)) return `context ${key} must hold strings`;
      context[key] = items as string[];
    } else {
      const item = scalar(value);
      if (item === null) return `context ${key} must be a string or an array of strings`;
      context[key] = item;
    }
  }
  return context;
}

function readLevels(raw: unknown, name: string): PolicyDocument[][] | null | string {
  if (raw === undefined || raw === null) return null;
  if (!Array.isArray(raw) || raw.some((level) => !Array.isArray(level))) {
    return `${name} must be a list of levels, each a list of policies`;
  }
  return raw as PolicyDocument[][];
}

export function parseRequest(raw: unknown): ParsedRequest {
  if (!isRecord(raw)) return { ok: false, error: "request must be an object" };
  const principal = raw.principal;
  if (!isRecord(principal) || typeof principal.arn !== "string") {
    return { ok: false, error: "request.principal.arn is missing" };
  }
  const tags: Record<string, string> = {};
  if (isRecord(principal.tags)) {
    for (const [key, value] of Object.entries(principal.tags)) {
      const text = scalar(value);
      if (text === null) return { ok: false, error: `principal tag ${key} must be a string` };
      tags[key] = text;
    }
  }
  const identityPolicies = raw.identityPolicies ?? [];
  if (!Array.isArray(identityPolicies)) return { ok: false, error: "identityPolicies must be an array" };
  const scps = readLevels(raw.scps, "scps");
  if (typeof scps === "string") return { ok: false, error: scps };
  const rcps = readLevels(raw.rcps, "rcps");
  if (typeof rcps === "string") return { ok: false, error: rcps };
  const context = readContext(raw.context);
  if (typeof context === "string") return { ok: false, error: context };
  const action = raw.action ?? "";
  const resource = raw.resource ?? "*";
  if (typeof action !== "string") return { ok: false, error: "action must be a string" };
  if (typeof resource !== "string") return { ok: false, error: "resource must be a string" };
  const resourceAccount = raw.resourceAccount ?? null;
  if (resourceAccount !== null && typeof resourceAccount !== "string") {
    return { ok: false, error: "resourceAccount must be a string" };
  }
  return {
    ok: true,
    request: {
      principal: { arn: principal.arn, tags },
      identityPolicies,
      permissionsBoundary: raw.permissionsBoundary ?? null,
      scps,
      rcps,
      resourcePolicy: raw.resourcePolicy ?? null,
      resourceAccount,
      sessionPolicy: raw.sessionPolicy ?? null,
      action,
      resource,
      context,
    },
  };
}
