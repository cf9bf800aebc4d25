"use client";

import { useDeferredValue, useMemo, useState } from "react";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Card, Skeleton } from "@/components/ui/misc";
import { ACCESS_LEVELS, type AccessLevel } from "@/lib/iam/client";
import type { EffectivePermissionsResult } from "@/lib/schemas/access";
import { useEffectivePermissions } from "@/lib/queries/use-effective-permissions";
import type { PrincipalRef } from "@/lib/queries/use-principal-policies";
import { filterServices, isFiltering, NO_FILTER, type PanelFilter, type StatusFilter } from "./filter";
import { ServiceRow } from "./service-row";
import { describePolicy } from "./sources";

type Analyzed = Extract<EffectivePermissionsResult, { kind: "analyzed" }>;

const NUMBER = new Intl.NumberFormat("en-US");
/** With a search this narrow, the matching services open by themselves. */
const AUTO_EXPAND = 8;

const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: "all", label: "Every decision" },
  { value: "allowed", label: "Allowed" },
  { value: "denied", label: "Explicitly denied" },
  { value: "removed", label: "Removed by boundary or SCP" },
];

function Filters({ filter, onChange }: { filter: PanelFilter; onChange: (next: PanelFilter) => void }) {
  return (
    <div className="flex flex-wrap items-end gap-4">
      <label className="flex min-w-64 flex-1 flex-col gap-1.5 font-semibold">
        Search services and actions
        <input
          type="search"
          value={filter.text}
          onChange={(event) => onChange({ ...filter, text: event.target.value })}
          placeholder="s3, GetObject, s3:PutObject…"
          className={`${inputClass} font-normal`}
          autoComplete="off"
        />
      </label>
      <label className="flex flex-col gap-1.5 font-semibold">
        Access level
        <select value={filter.level} onChange={(event) => onChange({ ...filter, level: event.target.value as AccessLevel | "all" })} className={`${inputClass} font-normal`}>
          <option value="all">Every level</option>
          {ACCESS_LEVELS.map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1.5 font-semibold">
        Decision
        <select value={filter.status} onChange={(event) => onChange({ ...filter, status: event.target.value as StatusFilter })} className={`${inputClass} font-normal`}>
          {STATUS_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      {isFiltering(filter) && <Button onClick={() => onChange(NO_FILTER)}>Clear filters</Button>}
    </div>
  );
}

function Totals({ result }: { result: Analyzed }) {
  const { byStatus } = result.counts;
  const removed = byStatus.removedByBoundary + byStatus.removedByScp + byStatus.removedBySessionPolicy;
  return (
    <div aria-live="polite">
      <p className="text-2xl font-bold" data-testid="effective-summary">
        {result.summary}
      </p>
      <p className="mt-1 text-muted">
        {byStatus.conditional > 0 && `${NUMBER.format(byStatus.conditional)} only on some resources or under conditions. `}
        {removed > 0 && `${NUMBER.format(removed)} granted by identity policies but removed by the permissions boundary. `}
        From {result.policies.length === 0 ? "no policies" : result.policies.map(describePolicy).join(", ")}.
      </p>
    </div>
  );
}

function ServiceList({ result, accountId }: { result: Analyzed; accountId: string }) {
  const [filter, setFilter] = useState<PanelFilter>(NO_FILTER);
  const deferred = useDeferredValue(filter);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const services = useMemo(() => filterServices(result.services, deferred), [result.services, deferred]);
  const data = { accountId, policies: result.policies, scopes: result.scopes };
  const autoExpand = deferred.text.trim() !== "" && services.length <= AUTO_EXPAND;
  const toggle = (service: string) => {
    const next = new Set(open);
    if (!next.delete(service)) next.add(service);
    setOpen(next);
  };

  return (
    <div className="flex flex-col gap-4">
      <Filters filter={filter} onChange={setFilter} />
      <p className="text-muted" aria-live="polite">
        {isFiltering(deferred)
          ? `${NUMBER.format(services.length)} of ${NUMBER.format(result.services.length)} services match.`
          : `${NUMBER.format(result.services.length)} services named by these policies. Open a service to see its actions.`}
      </p>
      {services.length === 0 ? (
        <p className="rounded-lg border-2 border-dashed border-line px-4 py-6 text-center text-muted">
          {result.services.length === 0 ? "These policies grant nothing." : "No service or action matches the filters."}
        </p>
      ) : (
        <ul className="flex flex-col gap-2">
          {services.map((service) => (
            <ServiceRow key={service.service} data={data} service={service} expanded={autoExpand || open.has(service.service)} onToggle={() => toggle(service.service)} />
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The effective-permissions panel of a user or role (for a group: what its members receive
 * from it): everything merged, by service and access level, every line traced to its
 * statements. It refreshes after any write in the account (see useEffectivePermissions).
 */
export function EffectivePermissions({ principal }: { principal: PrincipalRef }) {
  const query = useEffectivePermissions(principal);
  const result = query.data;
  return (
    <Card title="Effective permissions" actions={query.isFetching && result ? <span className="text-muted" role="status">Recomputing…</span> : undefined}>
      {query.error ? (
        <ErrorAlert error={query.error} />
      ) : !result ? (
        <div role="status" aria-label="Computing effective permissions" className="flex flex-col gap-3">
          <Skeleton className="h-8 w-2/3" />
          <Skeleton className="h-40" />
        </div>
      ) : result.kind === "invalidPolicy" ? (
        <Alert tone="error" title="A policy cannot be read">
          <ul className="list-disc pl-5">
            {result.errors.map((error, index) => (
              <li key={index}>
                {error.policy !== null && result.policies[error.policy] ? `${describePolicy(result.policies[error.policy])}: ` : ""}
                {error.message} {error.path && <span className="font-mono">({error.path})</span>}
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        <div className="flex flex-col gap-6">
          {principal.kind === "groups" && (
            <Alert tone="info">
              What every member receives from this group alone, worked out for a member without tags; each member also has their own
              policies, other groups and boundary.
            </Alert>
          )}
          <Totals result={result} />
          <ServiceList result={result} accountId={principal.accountId} />
        </div>
      )}
    </Card>
  );
}
