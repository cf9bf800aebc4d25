"use client";

import { useId } from "react";
import { Badge, type BadgeTone } from "@/components/ui/misc";
import type { AccessExtent } from "@/lib/iam/client";
import type { ServiceView } from "@/lib/schemas/access";
import { ActionGroupView, type PanelData } from "./action-group";

const EXTENT: Record<AccessExtent, BadgeTone> = { Full: "success", Limited: "warn", None: "neutral" };
const NUMBER = new Intl.NumberFormat("en-US");

function ServiceSummary({ service }: { service: ServiceView }) {
  const { counts } = service;
  const granted = counts.allowed + counts.conditional;
  const removed = counts.removedByBoundary + counts.removedByScp + counts.removedBySessionPolicy;
  return (
    <span className="flex flex-wrap items-center gap-x-4 gap-y-1 text-muted">
      <span>
        {NUMBER.format(granted)} of {NUMBER.format(service.total)} actions allowed
      </span>
      {counts.explicitlyDenied > 0 && <span className="font-semibold text-danger">{NUMBER.format(counts.explicitlyDenied)} denied</span>}
      {removed > 0 && <span className="font-semibold text-danger">{NUMBER.format(removed)} removed</span>}
    </span>
  );
}

/**
 * One service: a disclosure button; its access levels and actions are rendered only while
 * expanded, so hundreds of services with thousands of actions stay cheap.
 */
export function ServiceRow({ data, service, expanded, onToggle }: { data: PanelData; service: ServiceView; expanded: boolean; onToggle: () => void }) {
  const panelId = useId();
  return (
    <li className="rounded-lg border border-line bg-surface" data-service={service.service}>
      <h3>
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={panelId}
          onClick={onToggle}
          className="flex w-full flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-left hover:bg-subtle"
        >
          <span aria-hidden="true" className="w-4 text-muted">
            {expanded ? "▾" : "▸"}
          </span>
          <span className="font-mono text-lg font-semibold">{service.service}</span>
          <span className="text-muted">{service.name}</span>
          <Badge tone={EXTENT[service.access]}>{service.access === "None" ? "No access" : `${service.access} access`}</Badge>
          <ServiceSummary service={service} />
        </button>
      </h3>
      {expanded && (
        <div id={panelId} className="flex flex-col gap-5 border-t border-line px-4 py-4">
          {service.accessLevels.map((level) => (
            <section key={level.accessLevel} aria-label={`${service.service} ${level.accessLevel}`}>
              <h4 className="mb-2 flex flex-wrap items-center gap-3 font-bold">
                {level.accessLevel}
                <Badge tone={EXTENT[level.access]}>{level.access}</Badge>
                <span className="font-normal text-muted">
                  {NUMBER.format(level.counts.allowed + level.counts.conditional)} of {NUMBER.format(level.total)} allowed
                </span>
              </h4>
              <div className="flex flex-col gap-3">
                {level.groups.map((group, index) => (
                  <ActionGroupView key={index} data={data} group={group} service={service.service} />
                ))}
                {level.groups.length === 0 && <p className="text-muted">No policy grants or denies any {level.accessLevel} action.</p>}
              </div>
            </section>
          ))}
        </div>
      )}
    </li>
  );
}
