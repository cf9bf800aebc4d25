"use client";

import Link from "next/link";
import { useState } from "react";
import { Pagination } from "@/components/list/pagination";
import { ErrorAlert } from "@/components/ui/alert";
import { ArnText } from "@/components/ui/arn-text";
import { formatDateTime } from "@/components/ui/format";
import { Badge, EmptyState, Skeleton } from "@/components/ui/misc";
import { pathForArn } from "@/components/shell/paths";
import { useChanges } from "@/lib/queries/use-changes";
import { Actor, howCalled } from "./actor";

interface ChangeHistoryProps {
  accountId: string;
  /** Only the changes of this entity; the whole account when absent. */
  targetArn?: string;
  pageSize?: number;
  /** Paging controls; a dashboard shows just the latest few. */
  paged?: boolean;
}

/** The change log (newest first): when, the AWS action, what changed, a link to it, and who made it. */
export function ChangeHistory({ accountId, targetArn, pageSize = 20, paged = true }: ChangeHistoryProps) {
  const [page, setPage] = useState(1);
  const changes = useChanges(accountId, { targetArn, page, pageSize });

  if (changes.error) return <ErrorAlert error={changes.error} />;
  if (changes.isPending) {
    return (
      <div className="flex flex-col gap-3" aria-busy="true">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-12" />
        ))}
      </div>
    );
  }
  if (changes.data.total === 0) {
    return <EmptyState title="No changes recorded yet">Every create, update and delete appears here as it happens.</EmptyState>;
  }
  return (
    <div className="flex flex-col gap-4">
      <ol className="divide-y divide-line overflow-hidden rounded-xl border border-line bg-surface" aria-label={targetArn ? "Changes to this entity" : "Recent changes"}>
        {changes.data.items.map((event) => {
          const href = targetArn ? undefined : pathForArn(accountId, event.targetArn);
          return (
            <li key={event.id} className="flex flex-wrap items-start gap-x-4 gap-y-1 px-4 py-3">
              <time dateTime={event.at} className="w-44 shrink-0 text-muted">
                {formatDateTime(event.at)}
              </time>
              <Badge tone="brand">{event.action}</Badge>
              {/* At least 15rem wide, or it moves below the date: never a column of one word per line. */}
              <div className="min-w-0 flex-1 basis-60">
                <p>{event.summary}</p>
                <p className="text-sm">
                  {event.actor ? (
                    <>
                      By <Actor arn={event.actor.arn} /> <span className="text-muted">({howCalled(event.actor)})</span>
                    </>
                  ) : (
                    <span className="text-muted">By the console itself (demo data or an operator command)</span>
                  )}
                </p>
                {!targetArn && (
                  <p className="text-sm text-muted">
                    {href ? (
                      <Link href={href} className="text-brand hover:underline">
                        <ArnText value={event.targetArn} />
                      </Link>
                    ) : (
                      <ArnText value={event.targetArn} />
                    )}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {paged && changes.data.total > pageSize && (
        <Pagination page={page} pageSize={pageSize} total={changes.data.total} noun="changes" onPage={setPage} />
      )}
    </div>
  );
}
