/**
 * The spec cases (tests/spec-cases, each following a page of the AWS IAM User Guide) that the
 * analysis covers — identity side, same account, a catalog action, valid policies — decided
 * from the analysis alone.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/catalog/load";
import { indexCatalog } from "@/lib/iam/catalog";
import { parseRequest } from "@/lib/iam/request";
import { analyzeAccess, decideFromAnalysis } from "./index";
import { isRecord } from "../is-record";

const CASES_DIR = path.join(process.cwd(), "tests/spec-cases");
const full = loadCatalog();
const index = indexCatalog(full);

interface Covered {
  id: string;
  expected: string;
  request: Extract<ReturnType<typeof parseRequest>, { ok: true }>["request"];
}

function coveredCases(): Covered[] {
  const cases: Covered[] = [];
  for (const file of readdirSync(CASES_DIR).filter((name) => name.endsWith(".json"))) {
    const list: unknown = JSON.parse(readFileSync(path.join(CASES_DIR, file), "utf8"));
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (!isRecord(item) || typeof item.id !== "string" || typeof item.expected !== "string") continue;
      const parsed = parseRequest(item.request);
      if (!parsed.ok || item.expected === "invalidPolicy") continue;
      const { request } = parsed;
      const account = request.principal.arn.split(":")[4];
      const identityOnly = request.resourcePolicy === null && request.rcps === null && (request.resourceAccount ?? account) === account;
      if (identityOnly && index.action(request.action)) cases.push({ id: `${file} ${item.id}`, expected: item.expected, request });
    }
  }
  return cases;
}

describe("decideFromAnalysis on the spec cases", () => {
  const cases = coveredCases();
  // An action's analysis depends only on its own service: the cases' services suffice.
  const prefixes = new Set(cases.map((c) => c.request.action.split(":")[0].toLowerCase()));
  const catalog = { ...full, services: full.services.filter((service) => prefixes.has(service.prefix)) };

  it("covers a substantial share of them", () => {
    expect(cases.length).toBeGreaterThan(200);
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, { expected, request }) => {
    const analysis = analyzeAccess(request, catalog);
    if (analysis.kind !== "analyzed") throw new Error(JSON.stringify(analysis));
    expect(decideFromAnalysis(analysis, request.action, request.resource, request.context)).toBe(expected);
  });
});
