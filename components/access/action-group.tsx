import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/misc";
import type { AccessStatus } from "@/lib/iam/client";
import type { ActionGroup, LimitView, Scope, SourcePolicy } from "@/lib/schemas/access";
import { describePolicy, describeStatement, statementHref } from "./sources";

export interface PanelData {
  accountId: string;
  policies: SourcePolicy[];
  scopes: Scope[][];
}

const STATUS: Record<AccessStatus, { label: string; tone: BadgeTone }> = {
  allowed: { label: "Allowed", tone: "success" },
  conditional: { label: "Allowed with limits", tone: "warn" },
  explicitlyDenied: { label: "Explicitly denied", tone: "danger" },
  removedByBoundary: { label: "Granted by identity, removed by boundary", tone: "danger" },
  removedByScp: { label: "Granted by identity, removed by SCP", tone: "danger" },
  removedBySessionPolicy: { label: "Granted by identity, removed by session policy", tone: "danger" },
  notGranted: { label: "Not granted (a deny names it)", tone: "neutral" },
};

const LAYER: Record<LimitView["layer"], string> = { boundary: "permissions boundary", scp: "SCPs", session: "session policy" };

function Sources({ data, scope }: { data: PanelData; scope: Scope }) {
  return (
    <span className="text-muted">
      from{" "}
      {scope.sources.map((source, index) => {
        const policy = data.policies[source.policy];
        return (
          <span key={`${source.policy}-${source.statement}`}>
            {index > 0 && ", "}
            {policy ? (
              <Link href={statementHref(data.accountId, policy, source.statement)} className="text-brand underline-offset-4 hover:underline">
                {describePolicy(policy)}, {describeStatement(source)}
              </Link>
            ) : (
              describeStatement(source)
            )}
          </span>
        );
      })}
    </span>
  );
}

function ScopeLine({ data, scope }: { data: PanelData; scope: Scope }) {
  const { element, patterns } = scope.resources;
  return (
    <li className="flex flex-col gap-1">
      <span>
        <span className="font-semibold">{element === "Resource" ? "On" : "On everything except"}</span>{" "}
        <span className="font-mono break-all">{patterns.join(", ")}</span>
      </span>
      {scope.conditions.length > 0 && (
        <ul className="ml-4 list-disc">
          {scope.conditions.map((clause, index) => (
            <li key={index} className="font-mono text-[0.95rem] break-all">
              {clause.operator} {clause.key}: {clause.values.join(" | ")}
            </li>
          ))}
        </ul>
      )}
      <Sources data={data} scope={scope} />
    </li>
  );
}

function ScopeList({ data, title, index }: { data: PanelData; title: string; index: number }) {
  const scopes = data.scopes[index] ?? [];
  if (scopes.length === 0) return null;
  return (
    <div>
      <p className="text-sm font-semibold tracking-wide text-muted uppercase">{title}</p>
      <ul className="mt-1 flex flex-col gap-2">
        {scopes.map((scope, i) => (
          <ScopeLine key={i} data={data} scope={scope} />
        ))}
      </ul>
    </div>
  );
}

function LimitLine({ data, limit }: { data: PanelData; limit: LimitView }) {
  const layer = `${LAYER[limit.layer]}${limit.level === undefined ? "" : ` (level ${limit.level})`}`;
  if (limit.scopes === 0) return <p className="font-semibold text-danger">The {layer} allows none of these actions.</p>;
  return <ScopeList data={data} title={`Only where the ${layer} also allows`} index={limit.scopes} />;
}

/** Actions of one access level that share a verdict, with where and why. */
export function ActionGroupView({ data, group, service }: { data: PanelData; group: ActionGroup; service: string }) {
  const status = STATUS[group.status];
  const granted = group.status === "allowed" || group.status === "conditional";
  return (
    <div className="rounded-lg border border-line px-4 py-3" data-status={group.status}>
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone={status.tone}>{status.label}</Badge>
        <span className="text-muted">
          {group.actions.length} action{group.actions.length === 1 ? "" : "s"}
        </span>
      </div>
      <ul aria-label={`${status.label}: actions`} className="mt-2 flex flex-wrap gap-x-4 gap-y-1 font-mono text-[0.95rem]">
        {group.actions.map((name) => (
          <li key={name}>
            {service}:{name}
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-col gap-3">
        <ScopeList data={data} title={granted ? "Allowed" : "Granted by identity policies"} index={group.grants} />
        <ScopeList data={data} title="Denied" index={group.denies} />
        {group.limits.map((limit, i) => (
          <LimitLine key={i} data={data} limit={limit} />
        ))}
        {group.nearMisses && group.nearMisses.length > 0 && (
          <div className="rounded-md border border-warn/40 bg-warn-soft px-3 py-2">
            <p className="text-sm font-semibold tracking-wide text-warn uppercase">Near misses: granted, but never on these resources</p>
            <ul aria-label="Near misses" className="mt-1 flex flex-col gap-1">
              {group.nearMisses.map((miss) => (
                <li key={`${miss.action} ${miss.pattern}`}>{miss.text}.</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
