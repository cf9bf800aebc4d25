"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import { ArnText } from "@/components/ui/arn-text";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/misc";
import type { SimulatedPolicy, SimulatedStatement, SimulationIssue, SimulationRow } from "@/lib/schemas/simulation";
import { GateDetail, GATE_TITLES, STATES } from "./gate-detail";
import { NearMissList } from "./near-miss-list";
import { DecisionBadge, GATE_NAMES } from "./statement-ref";
import { StatementText } from "./statement-text";

/** Moves for the step-through's keys: Left/Right one gate, Home/End the first and last. */
function target(key: string, current: number, count: number): number | null {
  switch (key) {
    case "ArrowLeft":
      return Math.max(0, current - 1);
    case "ArrowRight":
      return Math.min(count - 1, current + 1);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

/**
 * One decision, one gate at a time in AWS's order: Previous/Next or the arrow keys (Home, End)
 * move between gates, each saying what it checked and found; the deciding gate is marked. An
 * overview lists every gate's state. `errors` are the simulation's invalid-document errors.
 */
export function StepThrough({ row, policies, errors }: { row: SimulationRow; policies: SimulatedPolicy[]; errors: SimulationIssue[] }) {
  const [index, setIndex] = useState(0);
  const [shown, setShown] = useState<SimulatedStatement | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const count = row.steps.length;
  const step = row.steps[Math.min(index, count - 1)];
  const deciding = row.steps.findIndex((s) => s.decisive);

  const go = (next: number, focus = false) => {
    setIndex(next);
    setShown(null);
    if (focus) requestAnimationFrame(() => heading.current?.focus());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const element = event.target as HTMLElement;
    if (element.closest("input, textarea, select, pre")) return;
    const next = target(event.key, index, count);
    if (next === null) return;
    event.preventDefault();
    go(next, !element.closest("button"));
  };

  return (
    <section aria-labelledby="step-through-title" className="rounded-xl border border-line bg-surface p-5 shadow-sm">
      <h2 id="step-through-title" className="text-xl font-bold">
        Step through: <span className="font-mono">{row.action}</span> on <ArnText value={row.resource} />
      </h2>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-lg">
        <DecisionBadge decision={row.decision} /> {row.reason}
      </p>
      {row.accessDenied && (
        <p className="mt-2 rounded-md border border-line bg-subtle px-3 py-2">
          <span className="font-semibold">AWS answers AccessDenied:</span> <span className="wrap-anywhere">{row.accessDenied}</span>
        </p>
      )}
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
      {row.nearMisses.length > 0 && (
        <div className="mt-3">
          <h3 className="font-bold">Why no statement allows it: near misses</h3>
          <p className="text-muted">These Allow statements match the action but not the rest of the request.</p>
          <div className="mt-2">
            <NearMissList nearMisses={row.nearMisses} policies={policies} onShow={setShown} />
          </div>
        </div>
      )}
      {row.gate === "alwaysAllowed" && <p className="mt-3">{GATE_NAMES.alwaysAllowed}: no gate applies.</p>}

      <div className="mt-4 grid gap-4 lg:grid-cols-[minmax(0,18rem)_minmax(0,1fr)]" onKeyDown={onKeyDown}>
        <ol className="flex flex-col gap-1" aria-label="Evaluation gates in AWS's order">
          {row.steps.map((s, i) => (
            <li key={s.gate} data-gate={s.gate} data-decisive={s.decisive || undefined}>
              <button
                type="button"
                aria-current={i === index ? "step" : undefined}
                onClick={() => go(i, true)}
                className={`flex w-full flex-wrap items-center gap-2 rounded-md border px-3 py-1.5 text-left ${i === index ? "border-brand bg-brand-soft font-semibold" : "border-line"} ${s.decisive ? "ring-2 ring-brand" : ""}`}
              >
                <span aria-hidden="true" className="w-4 text-center font-bold">{STATES[s.state].mark}</span>
                <span>{GATE_TITLES[s.gate]}</span>
                <span className="sr-only">: {STATES[s.state].label}{s.decisive ? ", decided here" : ""}</span>
                {s.decisive && <span aria-hidden="true"><Badge tone="brand">Decided here</Badge></span>}
              </button>
            </li>
          ))}
        </ol>
        <div role="group" aria-labelledby="gate-detail-title" className="flex flex-col gap-3">
          <GateDetail step={step} position={index + 1} count={count} policies={policies} nearMisses={row.nearMisses} headingRef={heading} onShow={setShown} />
          <div className="flex flex-wrap items-center gap-2" aria-label="Step-through controls" role="group">
            {/* A button that becomes disabled would drop focus: the gate's heading takes it then. */}
            <Button onClick={() => go(index - 1, index - 1 === 0)} disabled={index === 0}>
              ← Previous gate
            </Button>
            <Button onClick={() => go(index + 1, index + 1 === count - 1)} disabled={index === count - 1}>
              Next gate →
            </Button>
            {deciding >= 0 && deciding !== index && (
              <Button variant="ghost" onClick={() => go(deciding, true)}>
                Go to the deciding gate
              </Button>
            )}
            <span className="text-sm text-muted">Keys: ← → move one gate, Home and End the first and last.</span>
          </div>
        </div>
      </div>
      {shown && policies[shown.policy] && <StatementText policy={policies[shown.policy]} statement={shown} />}
    </section>
  );
}
