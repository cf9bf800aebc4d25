/**
 * npm run --silent simulate -- FILE          JSON array of cases → JSON array of results
 * npm run --silent simulate -- --sweep FILE  every catalog action per case
 * Cases follow tests/spec-cases/FORMAT.md. An unreadable case yields { id, error }; the
 * command never fails on case content and always exits 0.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { loadCatalog } from "@/lib/catalog/load";
import { describeDecision, isRecord, prepareCatalog, simulate, sweep } from "@/lib/iam";

function caseId(item: unknown): unknown {
  return isRecord(item) ? (item.id ?? null) : null;
}

function runCase(item: unknown): Record<string, unknown> {
  const id = caseId(item);
  if (!isRecord(item)) return { id, error: "a case must be an object" };
  const outcome = simulate(item.request);
  if (!outcome.ok) return { id, error: outcome.error };
  const result: Record<string, unknown> = { id, ...outcome.result, reason: describeDecision(outcome.result) };
  if (typeof item.expected === "string") result.agrees = outcome.result.decision === item.expected;
  return result;
}

/** A case the engine cannot handle must not stop the others. */
function guarded(run: () => Record<string, unknown>, item: unknown): Record<string, unknown> {
  try {
    return run();
  } catch (error) {
    return { id: caseId(item), error: `engine error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function sweepCase(item: unknown, catalogLoadMs: number): Record<string, unknown> {
  const id = caseId(item);
  if (!isRecord(item)) return { id, error: "a case must be an object" };
  const start = performance.now();
  // Start from the raw documents: the timing covers parsing, compiling and sweeping.
  const outcome = sweep(JSON.parse(JSON.stringify(item.request ?? null)) as unknown, loadCatalog());
  const sweepMs = performance.now() - start;
  if (!outcome.ok) return { id, error: outcome.error };
  const { result } = outcome;
  if (result.decision === "invalidPolicy") return { id, decision: "invalidPolicy", errors: result.errors, sweepMs, catalogLoadMs };
  const named = (decision: string) =>
    result.services.flatMap((service) => service.actions.filter((a) => a.decision === decision).map((a) => a.action));
  return {
    id,
    counts: result.counts,
    allowed: named("allowed"),
    explicitDeny: named("explicitDeny"),
    sweepMs: Math.round(sweepMs * 100) / 100,
    catalogLoadMs: Math.round(catalogLoadMs * 100) / 100,
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const sweepMode = args.includes("--sweep");
  const file = args.find((arg) => !arg.startsWith("--"));
  if (!file) {
    process.stderr.write("usage: simulate [--sweep] FILE\n");
    return;
  }
  let cases: unknown;
  try {
    cases = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    process.stderr.write(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.stdout.write("[]\n");
    return;
  }
  const list = Array.isArray(cases) ? cases : [cases];
  let results: Record<string, unknown>[];
  if (sweepMode) {
    const start = performance.now();
    try {
      prepareCatalog(loadCatalog());
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.stdout.write("[]\n");
      return;
    }
    const catalogLoadMs = performance.now() - start;
    results = list.map((item) => guarded(() => sweepCase(item, catalogLoadMs), item));
  } else {
    results = list.map((item) => guarded(() => runCase(item), item));
    const judged = results.filter((result) => typeof result.agrees === "boolean");
    if (judged.length > 0) {
      const disagree = judged.filter((result) => result.agrees === false).map((result) => String(result.id));
      const errors = results.filter((result) => "error" in result).length;
      process.stderr.write(
        `${judged.length - disagree.length}/${judged.length} cases agree` +
          (errors ? `, ${errors} unreadable` : "") +
          (disagree.length ? `; disagree: ${disagree.join(", ")}` : "") +
          "\n",
      );
    }
  }
  process.stdout.write(`${JSON.stringify(results, null, 1)}\n`);
}

main();
