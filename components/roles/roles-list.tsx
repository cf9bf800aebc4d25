"use client";

import Link from "next/link";
import { EntityListView } from "@/components/list/entity-list-view";
import type { Column } from "@/components/list/resource-table";
import { PermittedLink } from "@/components/ui/permitted";
import { formatCount, formatDateTime, formatDuration } from "@/components/ui/format";
import { EmptyState } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";
import { createCheck } from "@/lib/queries/permission-checks";
import type { RoleSummary } from "@/lib/queries/types";

const SORT_KEYS = ["name", "created"] as const;

export function RolesList({ accountId }: { accountId: string }) {
  const columns: Column<RoleSummary>[] = [
    {
      header: "Role name",
      sortKey: "name",
      render: (role) => (
        <Link href={paths.role(accountId, role.roleName)} className="font-semibold text-brand hover:underline">
          {role.roleName}
        </Link>
      ),
    },
    { header: "Description", render: (role) => role.description && <span className="line-clamp-2 text-muted">{role.description}</span> },
    { header: "Policies", render: (role) => formatCount(role.attachedPolicyCount), className: "text-right" },
    { header: "Max session", render: (role) => formatDuration(role.maxSessionDuration) },
    { header: "Created", sortKey: "created", render: (role) => formatDateTime(role.createdAt) },
  ];

  return (
    <EntityListView<RoleSummary>
      accountId={accountId}
      kind="roles"
      noun="roles"
      sortKeys={SORT_KEYS}
      defaultSort="name"
      columns={columns}
      rowKey={(role) => role.roleId}
      empty={
        <EmptyState title="No roles yet — create the first one" action={<PermittedLink href={paths.newRole(accountId)} variant="primary" check={createCheck(accountId, "role")}>Create role</PermittedLink>}>
          A role is assumed for temporary credentials by the principals its trust policy names.
        </EmptyState>
      }
    />
  );
}
