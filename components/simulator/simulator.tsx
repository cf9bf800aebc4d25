"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { EmptyState, PageHeader } from "@/components/ui/misc";
import { useSimulation } from "@/lib/queries/use-simulator";
import { ActionChooser } from "./action-chooser";
import { ContextEditor } from "./context-editor";
import { PrincipalChooser } from "./principal-chooser";
import { ResourceChooser } from "./resource-chooser";
import { ResultsTable } from "./results-table";
import { draftFromParams, paramsFromDraft, requestFromDraft, type SimulationDraft } from "./simulation-url";
import { StepThrough } from "./step-through";

/**
 * The policy simulator. The form edits a draft; running it writes the draft into the URL, and
 * the results always come from the URL, so a copied link shows the same simulation.
 */
export function Simulator({ accountId }: { accountId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const committed = useMemo(() => draftFromParams(new URLSearchParams(params.toString()), accountId), [params, accountId]);
  const [draft, setDraft] = useState<SimulationDraft>(committed);
  // Back and forward (or a pasted link) replace the draft with what the URL says: adjusted
  // while rendering, as React recommends for state that follows a prop.
  const [shown, setShown] = useState(committed);
  if (shown !== committed) {
    setShown(committed);
    setDraft(committed);
  }
  const request = useMemo(() => requestFromDraft(committed), [committed]);
  const simulation = useSimulation(request);
  const step = Number(params.get("step") ?? "0");
  const patch = (change: Partial<SimulationDraft>) => setDraft((current) => ({ ...current, ...change }));

  const go = (next: URLSearchParams) => router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  const run = () => go(paramsFromDraft(draft));
  const chooseStep = (index: number) => {
    const next = new URLSearchParams(params.toString());
    next.set("step", String(index));
    go(next);
  };
  const result = simulation.data;
  const row = result?.rows[Math.min(step, result.rows.length - 1)];

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Policy simulator"
        description="Test what a user or role — or policies you paste — may do: each action on each resource, the statements that decide, and every evaluation gate in AWS's order."
      />
      <form
        className="flex flex-col gap-6 rounded-xl border border-line bg-surface p-5 shadow-sm"
        onSubmit={(event) => {
          event.preventDefault();
          run();
        }}
      >
        <PrincipalChooser draft={draft} patch={patch} />
        <ActionChooser actions={draft.actions} onChange={(actions) => patch({ actions })} />
        <ResourceChooser resources={draft.resources} actions={draft.actions} accountId={draft.mode === "principal" ? draft.principal.accountId : accountId} onChange={(resources) => patch({ resources })} />
        {draft.resourceAccount && (
          <p className="flex flex-wrap items-center gap-3">
            <span>
              The resources belong to account <span className="font-mono">{draft.resourceAccount}</span>, the account the request was made to.
            </span>
            <Button size="sm" onClick={() => patch({ resourceAccount: "" })}>
              Use each ARN&apos;s account
            </Button>
          </p>
        )}
        <details className="rounded-lg border border-line px-4 py-3" open={Boolean(draft.resourcePolicy || draft.sessionPolicy)}>
          <summary className="cursor-pointer font-semibold">Resource-based and session policies (optional)</summary>
          <div className="mt-3 flex flex-col gap-4">
            <TextAreaField
              label="Resource-based policy"
              hint="A bucket or key policy of the resources. For sts actions on a role of this console (sts:AssumeRole, sts:TagSession…), its trust policy is used when this is empty."
              rows={5}
              className="font-mono text-sm"
              value={draft.resourcePolicy}
              onChange={(event) => patch({ resourcePolicy: event.target.value })}
            />
            <TextAreaField
              label="Session policy"
              hint="Simulates a session: a role's assumed-role session, or a user's federated-user session, with this policy passed."
              rows={5}
              className="font-mono text-sm"
              value={draft.sessionPolicy}
              onChange={(event) => patch({ sessionPolicy: event.target.value })}
            />
          </div>
        </details>
        <ContextEditor context={draft.context} suggested={result?.contextKeys ?? []} onChange={(context) => patch({ context })} />
        <div className="flex items-center gap-3">
          <Button type="submit" variant="primary" pending={simulation.isFetching} disabled={requestFromDraft(draft) === null}>
            Run simulation
          </Button>
          {requestFromDraft(draft) === null && <span className="text-muted">Choose a principal (or paste policies) and at least one action.</span>}
        </div>
      </form>

      <div aria-live="polite" className="flex flex-col gap-6">
        {simulation.error && <ErrorAlert error={simulation.error} />}
        {!request && (
          <EmptyState title="No simulation yet">
            Pick whose request it is and the actions to test, then run the simulation. The link in the address bar will reproduce it.
          </EmptyState>
        )}
        {result && <ResultsTable result={result} step={step} onStep={chooseStep} />}
        {result && row && <StepThrough key={`${row.action} ${row.resource}`} row={row} policies={result.policies} errors={result.errors} />}
      </div>
    </div>
  );
}
