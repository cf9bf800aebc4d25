"use client";

import Link from "next/link";
import { useState } from "react";
import { Pagination } from "@/components/list/pagination";
import { PastTheEnd } from "@/components/list/past-the-end";
import { ErrorAlert } from "@/components/ui/alert";
import { Badge, Card, Skeleton } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";
import type { PolicyEntity } from "@/lib/queries/types";
import { usePolicyEntities } from "@/lib/queries/use-policies";

const PAGE_SIZE = 25;
const KIND_LABEL = { user: "User", group: "Group", role: "Role" } as const;

function entityHref(accountId: string, entity: PolicyEntity): string {
  if (entity.kind === "user") return paths.user(accountId, entity.name);
  if (entity.kind === "group") return paths.group(accountId, entity.name);
  return paths.role(accountId, entity.name);
}

/** ListEntitiesForPolicy: who has the policy attached, and who uses it as a boundary, a page at a time. */
export function PolicyEntities({ accountId, policyName }: { accountId: string; policyName: string }) {
  const [page, setPage] = useState(1);
  const entities = usePolicyEntities(accountId, policyName, { page, pageSize: PAGE_SIZE });
  if (entities.error) return <ErrorAlert error={entities.error} />;
  if (!entities.data) return <Skeleton className="h-32 rounded-xl" />;
  const { items, total } = entities.data;

  return (
    <Card title={`Entities attached (${total})`}>
      {total === 0 ? (
        <p className="text-muted">
          No user, group or role in this account uses this policy. Attach it from a user&apos;s, group&apos;s or role&apos;s Permissions tab, or
          set it as a permissions boundary there.
        </p>
      ) : items.length === 0 ? (
        <PastTheEnd onFirst={() => setPage(1)} />
      ) : (
        <div className="flex flex-col gap-4">
          <table className="w-full text-left">
            <caption className="sr-only">Entities using {policyName}</caption>
            <thead>
              <tr className="text-sm tracking-wide text-muted uppercase">
                <th scope="col" className="py-2 pr-4">Name</th>
                <th scope="col" className="py-2 pr-4">Type</th>
                <th scope="col" className="py-2">Used as</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entity) => (
                <tr key={`${entity.kind}-${entity.id}-${entity.usage}`} className="border-t border-line">
                  <td className="py-2.5 pr-4">
                    <Link href={entityHref(accountId, entity)} className="font-semibold text-brand hover:underline">
                      {entity.name}
                    </Link>
                  </td>
                  <td className="py-2.5 pr-4">{KIND_LABEL[entity.kind]}</td>
                  <td className="py-2.5">
                    {entity.usage === "PermissionsBoundary" ? <Badge tone="warn">Permissions boundary</Badge> : <Badge>Permissions policy</Badge>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {total > PAGE_SIZE && <Pagination page={page} pageSize={PAGE_SIZE} total={total} noun="entities" onPage={setPage} />}
        </div>
      )}
    </Card>
  );
}
