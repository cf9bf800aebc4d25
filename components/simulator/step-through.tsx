"use client";

import { useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/misc";
import type { GateName, GateState, SimulatedPolicy, SimulatedStatement, SimulationIssue, SimulationRow } from "@/lib/schemas/simulation";
import { DecisionBadge, GATE_NAMES, StatementRef } from "./statement-ref";

const STATES: Record<GateState, { label: string; tone: BadgeTone; mark: string }> = {
  allowed: { label: "Allows", tone: "success", mark: "✓" },
  denied: { label: "Denies", tone: "danger", mark: "✕" },
  noAllow: { label: "No allow", tone: "warn", mark: "–" },
  notApplicable: { label: "Not applicable", tone: "neutral", mark: "·" },
};

const STEP_TITLES: Record<GateName, string> = {
  explicitDeny: "1. Any explicit deny?",
  scp: "2. Service control policies",
  rcp: "3. Resource control policies",
  resourcePolicy: "4. Resource-based policy",
  identityPolicy: "5. Identity-based policies",
  permissionsBoundary: "6. Permissions boundary",
  sessionPolicy: "7. Session policy",
};

/** The statement's lines of its policy text, with a line of context either side. */
function StatementText({ policy, statement }: { policy: SimulatedPolicy; statement: SimulatedStatement }) {
  const where = policy.statements[statement.statement];
  const lines = policy.text.split("\n");
  const from = Math.max(1, (where?.start.line ?? 1) - 1);
  const to = Math.min(lines.length, (where?.end.line ?? lines.length) + 1);
  return (
    <figure className="mt-2">
      <figcaption className="text-sm text-muted">
        {policy.name}, lines {where?.start.line ?? 1}–{where?.end.line ?? lines.length}
      </figcaption>
      <pre className="mt-1 overflow-x-auto rounded-md border border-line bg-subtle p-3 font-mono text-sm">
        {lines.slice(from - 1, to).map((line, i) => {
          const number = from + i;
          const inside = where !== undefined && number >= where.start.line && number <= where.end.line;
          return (
            <div key={number} className={inside ? "bg-brand-soft" : "text-muted"}>
              <span className="mr-3 inline-block w-8 text-right text-muted select-none">{number}</span>
              {line}
            </div>
          );
        })}
      </pre>
    </figure>
  );
}

/** One decision, gate by gate in AWS's order, each lit and linked to its statements; `errors` are the simulation's invalid-document errors. */
export function StepThrough({ row, policies, errors }: { row: SimulationRow; policies: SimulatedPolicy[]; errors: SimulationIssue[] }) {
  const [shown, setShown] = useState<SimulatedStatement | null>(null);
  return (
    <section aria-labelledby="step-through-title" className="rounded-xl border border-line bg-surface p-5 shadow-sm">
      <h2 id="step-through-title" className="text-xl font-bold">
        Step through: <span className="font-mono">{row.action}</span> on <span className="font-mono break-all">{row.resource}</span>
      </h2>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-lg">
        <DecisionBadge decision={row.decision} /> {row.reason}
      </p>
      {row.decision === "invalidPolicy" && errors.length > 0 && (
        <ul className="mt-2 list-disc pl-6 text-danger">
          {errors.map((error, i) => (
            <li key={i}>
              {error.document}
              {error.path ? ` at ${error.path}` : ""}: {error.message}
            </li>
          ))}
        </ul>
      )}
      <ol className="mt-4 flex flex-col gap-2" aria-label="Evaluation gates in AWS's order">
        {row.steps.map((step) => {
          const state = STATES[step.state];
          return (
            <li
              key={step.gate}
              data-gate={step.gate}
              aria-current={step.decisive ? "step" : undefined}
              className={`rounded-lg border px-4 py-3 ${step.decisive ? "border-brand bg-brand-soft ring-2 ring-brand" : "border-line"} ${step.state === "notApplicable" ? "opacity-70" : ""}`}
            >
              <div className="flex flex-wrap items-center gap-3">
                <span aria-hidden="true" className="w-5 text-center text-xl font-bold">
                  {state.mark}
                </span>
                <span className="font-bold">{STEP_TITLES[step.gate]}</span>
                <Badge tone={state.tone}>{state.label}</Badge>
                {step.decisive && <Badge tone="brand">Decided here</Badge>}
              </div>
              <p className="mt-1 pl-8 text-muted">{step.note}</p>
              {step.statements.length > 0 && (
                <ul className="mt-1 flex flex-col gap-1 pl-8">
                  {step.statements.map((statement, i) => (
                    <li key={i}>
                      <StatementRef policies={policies} statement={statement} onShow={setShown} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      {row.gate === "alwaysAllowed" && <p className="mt-3">{GATE_NAMES.alwaysAllowed}: no gate applies.</p>}
      {shown && policies[shown.policy] && <StatementText policy={policies[shown.policy]} statement={shown} />}
    </section>
  );
}
