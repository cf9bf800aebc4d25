"use client";

import Link from "next/link";
import { ErrorAlert } from "@/components/ui/alert";
import { Badge, Card, Skeleton } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";
import type { PolicyUsage } from "@/lib/queries/types";
import { usePolicyEntities } from "@/lib/queries/use-policies";

interface Entity {
  kind: "User" | "Group" | "Role";
  name: string;
  href: string;
  usage: PolicyUsage;
}

/** ListEntitiesForPolicy: who has the policy attached, and who uses it as a boundary. */
export function PolicyEntities({ accountId, policyName }: { accountId: string; policyName: string }) {
  const entities = usePolicyEntities(accountId, policyName);
  if (entities.error) return <ErrorAlert error={entities.error} />;
  if (!entities.data) return <Skeleton className="h-32 rounded-xl" />;

  const rows: Entity[] = [
    ...entities.data.users.map((u) => ({ kind: "User" as const, name: u.userName, href: paths.user(accountId, u.userName), usage: u.usage })),
    ...entities.data.groups.map((g) => ({ kind: "Group" as const, name: g.groupName, href: paths.group(accountId, g.groupName), usage: g.usage })),
    ...entities.data.roles.map((r) => ({ kind: "Role" as const, name: r.roleName, href: paths.role(accountId, r.roleName), usage: r.usage })),
  ];

  return (
    <Card title={`Entities attached (${rows.length})`}>
      {rows.length === 0 ? (
        <p className="text-muted">No user, group or role in this account uses this policy.</p>
      ) : (
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
            {rows.map((row) => (
              <tr key={`${row.kind}-${row.name}-${row.usage}`} className="border-t border-line">
                <td className="py-2.5 pr-4">
                  <Link href={row.href} className="font-semibold text-brand hover:underline">
                    {row.name}
                  </Link>
                </td>
                <td className="py-2.5 pr-4">{row.kind}</td>
                <td className="py-2.5">{row.usage === "PermissionsBoundary" ? <Badge tone="warn">Permissions boundary</Badge> : <Badge>Permissions policy</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
