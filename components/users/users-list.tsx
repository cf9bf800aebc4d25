"use client";

import Link from "next/link";
import { EntityListView } from "@/components/list/entity-list-view";
import type { Column } from "@/components/list/resource-table";
import { PermittedLink } from "@/components/ui/permitted";
import { formatCount, formatDateTime } from "@/components/ui/format";
import { Badge, EmptyState } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";
import { createCheck } from "@/lib/queries/permission-checks";
import type { UserSummary } from "@/lib/queries/types";

const SORT_KEYS = ["name", "created", "path"] as const;

export function UsersList({ accountId }: { accountId: string }) {
  const columns: Column<UserSummary>[] = [
    {
      header: "User name",
      sortKey: "name",
      render: (user) => (
        <Link href={paths.user(accountId, user.userName)} className="font-semibold text-brand hover:underline">
          {user.userName}
        </Link>
      ),
    },
    { header: "Path", sortKey: "path", render: (user) => <span className="font-mono text-sm">{user.path}</span> },
    { header: "Groups", render: (user) => formatCount(user.groupCount), className: "text-right" },
    { header: "Policies", render: (user) => formatCount(user.attachedPolicyCount), className: "text-right" },
    {
      header: "Console access",
      render: (user) => (user.hasPassword ? <Badge tone="success">Enabled</Badge> : <span className="text-muted">Disabled</span>),
    },
    { header: "Access keys", render: (user) => formatCount(user.accessKeyCount), className: "text-right" },
    { header: "Created", sortKey: "created", render: (user) => formatDateTime(user.createdAt) },
  ];

  return (
    <EntityListView<UserSummary>
      accountId={accountId}
      kind="users"
      noun="users"
      sortKeys={SORT_KEYS}
      defaultSort="name"
      columns={columns}
      rowKey={(user) => user.userId}
      empty={
        <EmptyState title="No users yet — create the first one" action={<PermittedLink href={paths.newUser(accountId)} variant="primary" check={createCheck(accountId, "user")}>Create user</PermittedLink>}>
          A user is a person or workload with long-term credentials. Give permissions through groups where you can.
        </EmptyState>
      }
    />
  );
}
