"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/misc";
import { describeCondition, describeResourceScope, type ActionChange, type ChangeKind, type PolicyAccessDiff, type Scope, type ScopeSet, type ServiceDiff } from "@/lib/iam/client";
import type { AffectedPrincipals, PolicyVersionDiff } from "@/lib/schemas/policy-version-diff";

const NUMBER = new Intl.NumberFormat("en-US");
const plural = (n: number, word: string) => `${NUMBER.format(n)} ${word}${n === 1 ? "" : "s"}`;
/** Up to this many services start expanded. */
const OPEN_UP_TO = 5;

const CHANGE: Record<ChangeKind, { label: string; tone: BadgeTone }> = {
  gained: { label: "Gained", tone: "success" },
  lost: { label: "Lost", tone: "danger" },
  changed: { label: "Changed", tone: "warn" },
};

function describeScope(scope: Scope): string {
  const where = describeResourceScope(scope.resources);
  return scope.conditions.length === 0 ? where : `${where} when ${scope.conditions.map(describeCondition).join(" and ")}`;
}

function ScopeLines({ label, set }: { label: string; set: ScopeSet | null }) {
  const lines = set ? [...set.allow.map((s) => `Allow: ${describeScope(s)}`), ...set.deny.map((s) => `Deny: ${describeScope(s)}`)] : [];
  return (
    <div>
      <span className="text-sm font-semibold text-muted">{label}</span>
      {lines.length === 0 ? (
        <p className="text-muted">Not named</p>
      ) : (
        <ul className="font-mono text-sm break-all">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ChangeGroup({ change, fromId, toId }: { change: ActionChange; fromId: string; toId: string }) {
  const { label, tone } = CHANGE[change.change];
  return (
    <li className="flex flex-col gap-2 border-t border-line py-3 first:border-t-0">
      <p>
        <Badge tone={tone}>{label}</Badge> <span className="font-mono break-words">{change.actions.map((a) => a.name).join(", ")}</span>
      </p>
      <div className="grid gap-2 pl-4 md:grid-cols-2">
        <ScopeLines label={`In ${fromId}`} set={change.before} />
        <ScopeLines label={`In ${toId}`} set={change.after} />
      </div>
    </li>
  );
}

function ServiceChanges({ service, open, fromId, toId }: { service: ServiceDiff; open: boolean; fromId: string; toId: string }) {
  const [expanded, setExpanded] = useState(open);
  const panelId = useId();
  const counts = (["gained", "lost", "changed"] as const).filter((c) => service.counts[c] > 0).map((c) => `${NUMBER.format(service.counts[c])} ${c}`);
  return (
    <li className="rounded-lg border border-line" data-service={service.service}>
      <h4>
        <button type="button" aria-expanded={expanded} aria-controls={panelId} onClick={() => setExpanded(!expanded)} className="flex w-full flex-wrap items-center gap-x-3 px-4 py-2.5 text-left hover:bg-subtle">
          <span aria-hidden="true" className="w-4 text-muted">{expanded ? "▾" : "▸"}</span>
          <span className="font-semibold">{service.name}</span>
          <span className="font-mono text-sm text-muted">{service.service}</span>
          <span className="text-muted">{counts.join(", ")}</span>
        </button>
      </h4>
      <ul id={panelId} hidden={!expanded} className="px-4">
        {expanded && service.changes.map((change, index) => <ChangeGroup key={index} change={change} fromId={fromId} toId={toId} />)}
      </ul>
    </li>
  );
}

function reach(affected: AffectedPrincipals): string {
  if (affected.principals === 0) return "The policy is attached to no one in this account: no principal is affected.";
  const parts = [plural(affected.users, "user"), plural(affected.roles, "role")];
  const via = [affected.groups > 0 ? `through ${plural(affected.groups, "group")}` : "", affected.viaBoundary > 0 ? `${NUMBER.format(affected.viaBoundary)} as permissions boundary` : ""].filter(Boolean);
  return `Affects ${plural(affected.principals, "principal")} (${parts.join(", ")}${via.length ? `; ${via.join(", ")}` : ""}) when it becomes the default version.`;
}

function headline(access: PolicyAccessDiff, from: string, to: string): string {
  const { gained, lost, changed } = access.counts;
  if (gained + lost + changed === 0) return `${from} and ${to} allow the same actions on the same resources.`;
  return `From ${from} to ${to}: ${plural(gained, "action")} gained, ${NUMBER.format(lost)} lost, ${NUMBER.format(changed)} changed.`;
}

/** Actions gained, lost and changed between two versions, by service, and who it reaches. */
export function PermissionDiff({ diff }: { diff: PolicyVersionDiff }) {
  const { access, from, to } = diff;
  if (access.kind === "unreadable") {
    return <Alert tone="warning" title="No permission diff">{`${access.side === "before" ? from.versionId : to.versionId} cannot be read: ${access.message}`}</Alert>;
  }
  return (
    <div className="flex flex-col gap-3">
      <p className="text-lg font-semibold">{headline(access, from.versionId, to.versionId)}</p>
      <p className="text-muted">{reach(diff.affected)}</p>
      {access.services.length > 0 && (
        <ul className="flex flex-col gap-2" aria-label="Permission changes by service">
          {access.services.map((service) => (
            <ServiceChanges key={service.service} service={service} open={access.services.length <= OPEN_UP_TO} fromId={from.versionId} toId={to.versionId} />
          ))}
        </ul>
      )}
    </div>
  );
}
