"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Pagination } from "@/components/list/pagination";
import { PastTheEnd } from "@/components/list/past-the-end";
import { ErrorAlert } from "@/components/ui/alert";
import { ArnText } from "@/components/ui/arn-text";
import { buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { formatDateTime } from "@/components/ui/format";
import { Badge, EmptyState, Skeleton } from "@/components/ui/misc";
import { auditExportHref, useAuditTrail, type AuditRequest } from "@/lib/queries/use-audit";
import { AUDIT_OUTCOMES, type AuditEventView, type AuditOutcome } from "@/lib/schemas/audit";
import { Actor, actorName, howCalled } from "./actor";

const PAGE_SIZE = 20;
const OUTCOME_LABEL: Record<AuditOutcome, string> = { all: "Allowed and denied", allowed: "Allowed", denied: "Denied" };

/** The filters and page, from the URL (?principal=&outcome=&page=), so a filtered trail can be linked to. */
function useAuditRequest(): [AuditRequest, (change: Partial<AuditRequest>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const outcome = params.get("outcome");
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  const request: AuditRequest = {
    principal: params.get("principal") ?? "",
    outcome: (AUDIT_OUTCOMES as readonly string[]).includes(outcome ?? "") ? (outcome as AuditOutcome) : "all",
    eventName: "",
    page: Number.isFinite(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
  const update = (change: Partial<AuditRequest>) => {
    const next = new URLSearchParams(params.toString());
    const merged = { ...request, ...change, page: change.page ?? 1 };
    for (const [key, value] of [["principal", merged.principal], ["outcome", merged.outcome === "all" ? "" : merged.outcome], ["page", merged.page === 1 ? "" : String(merged.page)]] as const) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  return [request, update];
}

function EventRow({ event }: { event: AuditEventView }) {
  const refused = event.outcome === "denied";
  return (
    <li className="flex flex-wrap items-start gap-x-4 gap-y-1 px-4 py-3">
      <time dateTime={event.at} className="w-44 shrink-0 text-muted">
        {formatDateTime(event.at)}
      </time>
      <div className="flex w-52 shrink-0 flex-col items-start gap-1">
        <Badge tone={refused ? "danger" : "success"}>{event.eventName}</Badge>
        <span className="text-sm text-muted">
          {refused ? "Denied" : "Allowed"}
          {event.readOnly ? " read" : ""} · {event.eventSource}
        </span>
      </div>
      <div className="min-w-0 flex-1 basis-72">
        <p>
          {event.principal.arn ? <Actor arn={event.principal.arn} /> : <span className="font-semibold">{event.principal.userName ?? "Unknown caller"}</span>}
        </p>
        <p className="text-sm text-muted">{howCalled({ accessKeyId: event.accessKeyId, sourceIp: event.sourceIp, mfa: event.mfa })}</p>
        {event.resourceArn && (
          <p className="text-sm">
            On <ArnText value={event.resourceArn} />
          </p>
        )}
        {(event.errorCode || event.errorMessage) && (
          <p className="mt-1 text-sm wrap-anywhere">
            <span className="font-semibold">{event.errorCode ?? "Failed"}</span>
            {event.errorMessage ? `: ${event.errorMessage}` : ""}
          </p>
        )}
      </div>
    </li>
  );
}

/**
 * The audit trail (CloudTrail's event history): every write attempt, allowed or denied, every
 * refused read, every sign-in and switch role, with who, how and from where; filtered by principal
 * and outcome, and exported as CloudTrail's JSON.
 */
export function AuditTrail({ accountId }: { accountId: string }) {
  const [request, update] = useAuditRequest();
  const trail = useAuditTrail(accountId, request);

  // A caller without cloudtrail:LookupEvents sees AWS's refusal, with its "Why?".
  if (trail.error) return <ErrorAlert error={trail.error} />;
  const principals = trail.data?.principals ?? [];
  // A principal from a link may no longer be among the recent ones: keep it choosable.
  const choices = request.principal && !principals.includes(request.principal) ? [request.principal, ...principals] : principals;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-4">
        <SelectField label="Principal" className="max-w-md" value={request.principal} onChange={(e) => update({ principal: e.target.value })}>
          <option value="">Anyone</option>
          {choices.map((arn) => (
            <option key={arn} value={arn}>
              {actorName(arn)} — {arn}
            </option>
          ))}
        </SelectField>
        <SelectField label="Outcome" value={request.outcome} onChange={(e) => update({ outcome: e.target.value as AuditOutcome })}>
          {AUDIT_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {OUTCOME_LABEL[outcome]}
            </option>
          ))}
        </SelectField>
        <a href={auditExportHref(accountId, request)} download className={buttonClass("secondary")}>
          Export as CloudTrail JSON
        </a>
      </div>
      {trail.isPending ? (
        <div className="flex flex-col gap-3" aria-busy="true">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-14" />
          ))}
        </div>
      ) : trail.data.total === 0 ? (
        <EmptyState title={request.principal || request.outcome !== "all" ? "No event matches these filters" : "Nothing in the audit trail yet"}>
          Every write attempt, every refused read, and every sign-in, sign-out and switch role in this account appears here.
        </EmptyState>
      ) : trail.data.items.length === 0 ? (
        <PastTheEnd onFirst={() => update({ page: 1 })} />
      ) : (
        <ol className="divide-y divide-line overflow-hidden rounded-xl border border-line bg-surface" aria-label="Audit trail">
          {trail.data.items.map((event) => (
            <EventRow key={event.eventId} event={event} />
          ))}
        </ol>
      )}
      {trail.data && trail.data.total > PAGE_SIZE && (
        <Pagination page={trail.data.page} pageSize={trail.data.pageSize} total={trail.data.total} noun="events" onPage={(page) => update({ page })} />
      )}
    </div>
  );
}
