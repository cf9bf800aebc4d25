import type { RefObject } from "react";
import { Badge, type BadgeTone } from "@/components/ui/misc";
import type { PolicySource } from "@/lib/iam";
import type { GateName, GateState, GateStep, SimulatedNearMiss, SimulatedPolicy, SimulatedStatement } from "@/lib/schemas/simulation";
import { NearMissList } from "./near-miss-list";
import { StatementRef } from "./statement-ref";

/** A gate that found no Deny is not an allow: it only lets evaluation go on. */
export const STATES: Record<GateState, { label: string; tone: BadgeTone; mark: string }> = {
  allowed: { label: "Allows", tone: "success", mark: "✓" },
  denied: { label: "Denies", tone: "danger", mark: "✕" },
  noDeny: { label: "No deny found", tone: "neutral", mark: "○" },
  noAllow: { label: "No allow", tone: "warn", mark: "–" },
  notApplicable: { label: "Not applicable", tone: "neutral", mark: "·" },
};

export const GATE_TITLES: Record<GateName, string> = {
  explicitDeny: "1. Any explicit deny?",
  scp: "2. Service control policies",
  rcp: "3. Resource control policies",
  resourcePolicy: "4. Resource-based policy",
  identityPolicy: "5. Identity-based policies",
  permissionsBoundary: "6. Permissions boundary",
  sessionPolicy: "7. Session policy",
};

const GATE_OF: Record<PolicySource, GateName> = {
  identity: "identityPolicy",
  boundary: "permissionsBoundary",
  session: "sessionPolicy",
  scp: "scp",
  rcp: "rcp",
  resource: "resourcePolicy",
};

/** One gate of the step-through: what it checked, what it found, its statements and near misses. */
export function GateDetail({
  step,
  position,
  count,
  policies,
  nearMisses,
  headingRef,
  onShow,
}: {
  step: GateStep;
  position: number;
  count: number;
  policies: SimulatedPolicy[];
  nearMisses: SimulatedNearMiss[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  onShow: (statement: SimulatedStatement) => void;
}) {
  const state = STATES[step.state];
  const mine = nearMisses.filter((miss) => {
    const source = policies[miss.statement.policy]?.source;
    return source !== undefined && GATE_OF[source] === step.gate;
  });
  return (
    <div
      data-gate={step.gate}
      aria-live="polite"
      className={`rounded-lg border px-4 py-3 ${step.decisive ? "border-brand bg-brand-soft ring-2 ring-brand" : "border-line"}`}
    >
      <p className="text-sm text-muted">
        Gate {position} of {count}
      </p>
      <h3 id="gate-detail-title" ref={headingRef} tabIndex={-1} className="flex flex-wrap items-center gap-3 text-lg font-bold outline-offset-4">
        <span aria-hidden="true" className="w-5 text-center text-xl">{state.mark}</span>
        {GATE_TITLES[step.gate]}
        <Badge tone={state.tone}>{state.label}</Badge>
        {step.decisive && <Badge tone="brand">Decided here</Badge>}
      </h3>
      <dl className="mt-2 grid gap-x-3 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Checked</dt>
        <dd>{step.checked}</dd>
        <dt className="font-semibold">Found</dt>
        <dd>{step.note}</dd>
      </dl>
      {step.statements.length > 0 && (
        <ul aria-label="Statements that applied" className="mt-2 flex flex-col gap-1">
          {step.statements.map((statement, i) => (
            <li key={i}>
              <StatementRef policies={policies} statement={statement} onShow={onShow} />
            </li>
          ))}
        </ul>
      )}
      {mine.length > 0 && (
        <div className="mt-2">
          <p className="font-semibold">Nearly allowed by:</p>
          <NearMissList nearMisses={mine} policies={policies} onShow={onShow} brief />
        </div>
      )}
    </div>
  );
}
