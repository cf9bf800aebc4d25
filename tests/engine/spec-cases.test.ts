/**
 * Runs every spec case in tests/spec-cases/*.json through the engine. The cases are data
 * (FORMAT.md), each citing the AWS IAM User Guide page it follows; a failing test names the
 * case and what it shows, and its message carries the engine's whole result.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isRecord } from "@/lib/iam";
import { simulate } from "@/lib/iam";

type Decision = "allowed" | "explicitDeny" | "implicitDeny" | "invalidPolicy";
const DECISIONS: readonly string[] = ["allowed", "explicitDeny", "implicitDeny", "invalidPolicy"];

interface SpecCase {
  file: string;
  id: string;
  note: string | null;
  request: Record<string, unknown>;
  expected: Decision;
}

const CASES_DIR = fileURLToPath(new URL("../spec-cases/", import.meta.url));
// Copied from /work/shared, where the examples predate the `source` field.
const FILES_WITHOUT_SOURCE = new Set(["shared-examples.json"]);
const MINIMUM_CASES = 300;

function isDecision(value: unknown): value is Decision {
  return typeof value === "string" && DECISIONS.includes(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim().length > 0;
}

/** A case when well-formed, else the reasons it is not. */
function readCase(value: unknown, file: string, index: number): SpecCase | string[] {
  const where = `${file}[${index}]`;
  if (!isRecord(value)) return [`${where} is not an object`];
  const id = isNonEmptyString(value.id) ? value.id : null;
  const request = isRecord(value.request) ? value.request : null;
  const expected = isDecision(value.expected) ? value.expected : null;
  const problems: string[] = [];
  if (id === null) problems.push(`${where} has no id`);
  if (request === null) problems.push(`${where} has no request object`);
  if (expected === null) problems.push(`${where} has no valid expected decision`);
  if (!FILES_WITHOUT_SOURCE.has(file) && !isNonEmptyString(value.source)) problems.push(`${where} has no source`);
  if (value.note !== undefined && !isNonEmptyString(value.note)) problems.push(`${where} has an empty note`);
  if (id === null || request === null || expected === null || problems.length > 0) return problems;
  return { file, id, note: isNonEmptyString(value.note) ? value.note : null, request, expected };
}

function loadCases(): { files: Map<string, SpecCase[]>; problems: string[] } {
  const files = new Map<string, SpecCase[]>();
  const problems: string[] = [];
  const names = readdirSync(CASES_DIR).filter((name) => name.endsWith(".json")).sort();
  for (const file of names) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(`${CASES_DIR}${file}`, "utf8"));
    } catch (error) {
      problems.push(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (!Array.isArray(parsed) || parsed.length === 0) {
      problems.push(`${file} is not a non-empty array of cases`);
      continue;
    }
    const cases: SpecCase[] = [];
    parsed.forEach((value: unknown, index) => {
      const read = readCase(value, file, index);
      if (Array.isArray(read)) problems.push(...read);
      else cases.push(read);
    });
    files.set(file, cases);
  }
  return { files, problems };
}

const { files, problems } = loadCases();
const allCases = [...files.values()].flat();

describe("spec case files", () => {
  it("are well-formed: every case has an id, a request, an expected decision and a source", () => {
    expect(problems).toEqual([]);
  });

  it("use each id once across all files", () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const { id, file } of allCases) {
      const first = seen.get(id);
      if (first) duplicates.push(`${id} in ${first} and ${file}`);
      else seen.set(id, file);
    }
    expect(duplicates).toEqual([]);
  });

  it(`hold at least ${MINIMUM_CASES} cases`, () => {
    expect(allCases.length).toBeGreaterThanOrEqual(MINIMUM_CASES);
  });
});

for (const [file, cases] of files) {
  describe(file, () => {
    for (const specCase of cases) {
      it(specCase.note ? `${specCase.id}: ${specCase.note}` : specCase.id, () => {
        const outcome = simulate(specCase.request);
        if (!outcome.ok) expect.fail(`${specCase.id}: the engine could not read the request: ${outcome.error}`);
        expect(outcome.result.decision, JSON.stringify(outcome.result)).toBe(specCase.expected);
      });
    }
  });
}
