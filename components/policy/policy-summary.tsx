"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/misc";
import type { PolicySummary, ServiceSummary, SummaryStatement, UncategorizedAction } from "@/lib/iam/client";
import { ServiceRows, statementLabel } from "./summary-service-rows";
import { usePolicySummary } from "./use-policy-summary";

const NUMBER = new Intl.NumberFormat("en-US");
/** Above this many services the summary offers a filter. */
const FILTER_FROM = 8;

function SummaryTable({ title, services, total, statements, filter }: { title: string; services: ServiceSummary[]; total: number; statements: SummaryStatement[]; filter: string }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const shown = filter ? services.filter((s) => `${s.service} ${s.name}`.toLowerCase().includes(filter)) : services;
  const toggle = (service: string) => {
    const next = new Set(expanded);
    if (!next.delete(service)) next.add(service);
    setExpanded(next);
  };
  const caption = `${title} (${NUMBER.format(services.length)} of ${NUMBER.format(total)} services)`;
  return (
    <div className="overflow-x-auto">
      <table aria-label={title} className="w-full min-w-[40rem] border-collapse">
        <caption className="pb-2 text-left text-lg font-bold">{caption}</caption>
        <thead>
          <tr className="text-left text-muted">
            <th scope="col" className="px-3 py-1.5 font-semibold">Service</th>
            <th scope="col" className="px-3 py-1.5 font-semibold">Access level</th>
            <th scope="col" className="px-3 py-1.5 font-semibold">Resource</th>
            <th scope="col" className="px-3 py-1.5 font-semibold">Request condition</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((service) => (
            <ServiceRows key={service.service} service={service} statements={statements} expanded={expanded.has(service.service)} onToggle={() => toggle(service.service)} />
          ))}
          {shown.length === 0 && (
            <tr>
              <td colSpan={4} className="px-3 py-2 text-muted">No service matches the filter.</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

const REASON: Record<UncategorizedAction["reason"], string> = {
  unknownService: "IAM does not recognize this service",
  unknownAction: "the service has no such action",
};

function Uncategorized({ items, statements }: { items: UncategorizedAction[]; statements: SummaryStatement[] }) {
  return (
    <section aria-label="Uncategorized">
      <h3 className="pb-2 text-lg font-bold">Uncategorized ({NUMBER.format(items.length)})</h3>
      <p className="mb-2 text-muted">These actions match nothing AWS defines, so they grant or deny nothing. Check their spelling.</p>
      <ul className="flex flex-col gap-1">
        {items.map((item, index) => (
          <li key={`${item.statement}-${item.pattern}-${index}`}>
            <span className="font-mono font-semibold">{item.pattern}</span> <span className="text-muted">— {REASON[item.reason]} ({item.effect}, {statementLabel(statements[item.statement])})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function headline(summary: PolicySummary): string {
  const parts = [`Allows ${NUMBER.format(summary.allow.length)} of ${NUMBER.format(summary.catalogServices)} services`];
  if (summary.explicitDeny.length > 0) parts.push(`explicitly denies ${NUMBER.format(summary.explicitDeny.length)}`);
  if (summary.uncategorized.length > 0) parts.push(`${NUMBER.format(summary.uncategorized.length)} uncategorized`);
  const unfit = [...summary.allow, ...summary.explicitDeny].reduce((sum, service) => sum + service.withoutResource.length, 0);
  if (unfit > 0) parts.push(`${NUMBER.format(unfit)} action${unfit === 1 ? "" : "s"} without an applicable resource`);
  return parts.join("; ");
}

function SummaryView({ summary }: { summary: PolicySummary }) {
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLowerCase();
  const many = summary.allow.length + summary.explicitDeny.length > FILTER_FROM;
  const empty = summary.allow.length + summary.explicitDeny.length + summary.uncategorized.length === 0;
  return (
    <div className="flex flex-col gap-5">
      {summary.skippedStatements > 0 && (
        <Alert tone="warning">
          {summary.skippedStatements === 1 ? "One statement is" : `${summary.skippedStatements} statements are`} left out: fix the document&apos;s errors to see all of it.
        </Alert>
      )}
      {many && <TextField label="Filter services" type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />}
      {summary.explicitDeny.length > 0 && <SummaryTable title="Explicit deny" services={summary.explicitDeny} total={summary.catalogServices} statements={summary.statements} filter={needle} />}
      {summary.allow.length > 0 && <SummaryTable title="Allow" services={summary.allow} total={summary.catalogServices} statements={summary.statements} filter={needle} />}
      {summary.uncategorized.length > 0 && <Uncategorized items={summary.uncategorized} statements={summary.statements} />}
      {empty && <p className="text-muted">This policy names no action yet: it allows nothing.</p>}
    </div>
  );
}

/**
 * What a policy document grants and denies, as the IAM console's policy summary: services
 * under Explicit deny, Allow and Uncategorized, each with its access level, resources and
 * request conditions, and its actions on demand. It follows the document as it is typed.
 */
export function PolicySummaryPanel({ document, label = "Policy summary" }: { document: string; label?: string }) {
  const state = usePolicySummary(document);
  return (
    <section aria-label={label} aria-busy={state.status === "loading" || (state.status === "ready" && state.stale)}>
      <div aria-live="polite">
        {state.status === "loading" && (
          <>
            <p className="sr-only">Loading the action catalog…</p>
            <Skeleton className="h-24" />
          </>
        )}
        {state.status === "error" && <Alert tone="error" title="No summary">{state.message}</Alert>}
        {state.status === "ready" && state.result.kind === "unreadable" && (
          <Alert tone="info" title="No summary yet">The summary appears once the document is a JSON object: {state.result.message}</Alert>
        )}
        {state.status === "ready" && state.result.kind === "summary" && <p className="mb-4 font-semibold">{headline(state.result)}.</p>}
      </div>
      {state.status === "ready" && state.result.kind === "summary" && <SummaryView summary={state.result} />}
    </section>
  );
}
