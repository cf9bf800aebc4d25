"use client";

import { ArnText } from "@/components/ui/arn-text";
import { Button } from "@/components/ui/button";
import type { SimulationResult } from "@/lib/schemas/simulation";
import { toAwsEvaluationResults } from "@/lib/schemas/simulation-aws";
import { NearMissList } from "./near-miss-list";
import { DecisionBadge, GATE_NAMES, StatementRef } from "./statement-ref";

/** Downloads the results as AWS's EvaluationResults, as `aws iam simulate-principal-policy` prints them. */
function exportJson(result: SimulationResult): void {
  const body = JSON.stringify({ EvaluationResults: toAwsEvaluationResults(result) }, null, 2);
  const url = URL.createObjectURL(new Blob([body], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `simulation-${result.principal.name}.json`;
  link.click();
  URL.revokeObjectURL(url);
}

export function ResultsTable({ result, step, onStep }: { result: SimulationResult; step: number; onStep: (index: number) => void }) {
  const counts = { allowed: 0, denied: 0 };
  for (const row of result.rows) {
    if (row.decision === "allowed") counts.allowed++;
    else counts.denied++;
  }
  return (
    <section aria-labelledby="results-title" className="rounded-xl border border-line bg-surface shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line px-5 py-3.5">
        <div>
          <h2 id="results-title" className="text-lg font-bold">
            Results for <ArnText value={result.principal.sessionArn ?? result.principal.arn} />
          </h2>
          <p className="text-muted" role="status">
            {counts.allowed} allowed, {counts.denied} denied of {result.rows.length}
          </p>
        </div>
        <Button onClick={() => exportJson(result)}>Export as AWS JSON</Button>
      </div>
      <div className="relative overflow-x-auto">
        <table className="w-full text-left">
          <thead className="bg-subtle text-sm tracking-wide text-muted uppercase">
            <tr>
              <th scope="col" className="px-4 py-2">Action</th>
              <th scope="col" className="px-4 py-2">Resource</th>
              <th scope="col" className="px-4 py-2">Decision</th>
              <th scope="col" className="px-4 py-2">Decided by</th>
              <th scope="col" className="px-4 py-2">Statements</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">Step through</span></th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row, index) => {
              const deciding = row.decision === "explicitDeny" ? row.matched.filter((s) => s.effect === "Deny") : row.matched.filter((s) => s.effect === "Allow");
              return (
                <tr key={`${row.action} ${row.resource}`} className={`border-t border-line align-top ${index === step ? "bg-brand-soft" : ""}`}>
                  <th scope="row" className="px-4 py-3 font-mono font-semibold">{row.action}</th>
                  <td className="px-4 py-3"><ArnText value={row.resource} /></td>
                  <td className="px-4 py-3"><DecisionBadge decision={row.decision} /></td>
                  <td className="px-4 py-3">
                    {GATE_NAMES[row.gate]}
                    {row.missingContextValues.length > 0 && (
                      <p className="mt-1 text-sm text-warn">Missing context: <span className="font-mono">{row.missingContextValues.join(", ")}</span></p>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    {deciding.length === 0 ? (
                      <>
                        <span className="text-muted">No statement allows it</span>
                        {row.nearMisses.length > 0 && (
                          <div className="mt-1 text-sm">
                            <span className="font-semibold">Near {row.nearMisses.length === 1 ? "miss" : "misses"}:</span>
                            <NearMissList nearMisses={row.nearMisses} policies={result.policies} brief />
                          </div>
                        )}
                      </>
                    ) : (
                      <ul className="flex flex-col gap-1">
                        {deciding.map((statement, i) => (
                          <li key={i}><StatementRef policies={result.policies} statement={statement} /></li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    <Button size="sm" aria-pressed={index === step} onClick={() => onStep(index)} aria-label={`Step through ${row.action} on ${row.resource}`}>
                      Step through
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
