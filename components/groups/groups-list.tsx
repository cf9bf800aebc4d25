"use client";

import Link from "next/link";
import { EntityListView } from "@/components/list/entity-list-view";
import type { Column } from "@/components/list/resource-table";
import { PermittedLink } from "@/components/ui/permitted";
import { formatCount, formatDateTime } from "@/components/ui/format";
import { EmptyState } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";
import { createCheck } from "@/lib/queries/permission-checks";
import type { GroupSummary } from "@/lib/queries/types";

const SORT_KEYS = ["name", "created", "path"] as const;

export function GroupsList({ accountId }: { accountId: string }) {
  const columns: Column<GroupSummary>[] = [
    {
      header: "Group name",
      sortKey: "name",
      render: (group) => (
        <Link href={paths.group(accountId, group.groupName)} className="font-semibold text-brand hover:underline">
          {group.groupName}
        </Link>
      ),
    },
    { header: "Path", sortKey: "path", render: (group) => <span className="font-mono text-sm">{group.path}</span> },
    { header: "Users", render: (group) => formatCount(group.memberCount), className: "text-right" },
    { header: "Policies", render: (group) => formatCount(group.attachedPolicyCount), className: "text-right" },
    { header: "Created", sortKey: "created", render: (group) => formatDateTime(group.createdAt) },
  ];

  return (
    <EntityListView<GroupSummary>
      accountId={accountId}
      kind="groups"
      noun="groups"
      sortKeys={SORT_KEYS}
      defaultSort="name"
      columns={columns}
      rowKey={(group) => group.groupId}
      empty={
        <EmptyState title="No groups yet — create the first one" action={<PermittedLink href={paths.newGroup(accountId)} variant="primary" check={createCheck(accountId, "group")}>Create group</PermittedLink>}>
          A group gives the same permissions to every user in it.
        </EmptyState>
      }
    />
  );
}
