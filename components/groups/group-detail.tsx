"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { EffectivePermissions } from "@/components/access/effective-permissions";
import { ArnValue } from "@/components/entity/arn-value";
import { DeleteFlow } from "@/components/entity/delete-flow";
import { InventoryList } from "@/components/entity/inventory-list";
import { RenameDialog } from "@/components/entity/rename-dialog";
import { ChangeHistory } from "@/components/history/change-history";
import { AttachedPolicies } from "@/components/principal/attached-policies";
import { InlinePolicies } from "@/components/principal/inline-policies";
import { ErrorAlert } from "@/components/ui/alert";
import { PermittedButton } from "@/components/ui/permitted";
import { formatDateTime } from "@/components/ui/format";
import { Breadcrumbs, Card, PageHeader, Skeleton, SummaryList } from "@/components/ui/misc";
import { Tabs } from "@/components/ui/tabs";
import { useToast } from "@/components/ui/toast";
import { paths } from "@/components/shell/paths";
import { principalCheck } from "@/lib/queries/permission-checks";
import type { GroupSummary } from "@/lib/queries/types";
import { useDeleteGroup, useGroup, useGroupMembers, useUpdateGroup } from "@/lib/queries/use-groups";
import { useAttachedPolicies, useInlinePolicies } from "@/lib/queries/use-principal-policies";
import { GroupMembers } from "./group-members";

const TABS = [
  { id: "users", label: "Users" },
  { id: "permissions", label: "Permissions" },
  { id: "effective", label: "Effective permissions" },
  { id: "history", label: "History" },
] as const;

export function GroupDetail({ accountId, groupName }: { accountId: string; groupName: string }) {
  const group = useGroup(accountId, groupName);
  const crumbs = [{ label: "User groups", href: paths.groups(accountId) }, { label: groupName }];
  if (!group.data) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        {group.error ? <ErrorAlert error={group.error} /> : <Skeleton className="h-40 rounded-xl" />}
      </>
    );
  }
  return <GroupView accountId={accountId} group={group.data} />;
}

function GroupView({ accountId, group }: { accountId: string; group: GroupSummary }) {
  const router = useRouter();
  const notify = useToast();
  const update = useUpdateGroup(accountId, group.groupName);
  const remove = useDeleteGroup(accountId, group.groupName);
  const [renaming, setRenaming] = useState(false);
  const principal = { accountId, kind: "groups" as const, name: group.groupName, arn: group.arn };

  return (
    <>
      <Breadcrumbs items={[{ label: "User groups", href: paths.groups(accountId) }, { label: group.groupName }]} />
      <PageHeader
        title={group.groupName}
        description="IAM user group"
        actions={
          <>
            <PermittedButton check={principalCheck(principal, "Update")} onClick={() => setRenaming(true)}>
              Edit name or path
            </PermittedButton>
            <DeleteFlow
              check={principalCheck(principal, "Delete")}
              noun="group"
              name={group.groupName}
              pending={remove.isPending}
              remove={(force) => remove.mutateAsync({ force })}
              inventory={<GroupInventory accountId={accountId} groupName={group.groupName} />}
              onDeleted={() => {
                notify(`Group ${group.groupName} deleted.`);
                router.push(paths.groups(accountId));
              }}
            />
          </>
        }
      />
      <Card title="Summary" className="mb-8">
        <SummaryList
          items={[
            { term: "ARN", value: <ArnValue arn={group.arn} />, wide: true },
            { term: "Created", value: formatDateTime(group.createdAt) },
            { term: "Path", value: <span className="font-mono">{group.path}</span> },
            { term: "Unique ID", value: <span className="font-mono">{group.groupId}</span> },
            { term: "Users", value: group.memberCount },
          ]}
        />
      </Card>
      <Tabs tabs={TABS} label={`Group ${group.groupName}`}>
        {(tab) => {
          switch (tab) {
            case "users":
              return <GroupMembers accountId={accountId} groupName={group.groupName} groupArn={group.arn} />;
            case "permissions":
              return (
                <div className="flex flex-col gap-6">
                  <AttachedPolicies principal={principal} label={group.groupName} />
                  <InlinePolicies principal={principal} label={group.groupName} />
                </div>
              );
            case "effective":
              return <EffectivePermissions principal={principal} />;
            case "history":
              return (
                <Card title="Changes to this group">
                  <ChangeHistory accountId={accountId} targetArn={group.arn} />
                </Card>
              );
          }
        }}
      </Tabs>
      {renaming && (
        <RenameDialog
          open
          onClose={() => {
            update.reset();
            setRenaming(false);
          }}
          noun="Group"
          name={group.groupName}
          path={group.path}
          pending={update.isPending}
          error={update.error}
          onSave={({ newName, newPath }) =>
            update.mutate(
              { newGroupName: newName, newPath },
              {
                onSuccess: (updated) => {
                  notify(`Group ${group.groupName} updated.`);
                  setRenaming(false);
                  if (newName) router.replace(paths.group(accountId, updated?.groupName ?? newName));
                },
              },
            )
          }
        />
      )}
    </>
  );
}

/** What DeleteGroup refuses to delete around: members, attached and inline policies. */
function GroupInventory({ accountId, groupName }: { accountId: string; groupName: string }) {
  const ref = { accountId, kind: "groups" as const, name: groupName };
  const members = useGroupMembers(accountId, groupName, 1, 100);
  const attached = useAttachedPolicies(ref);
  const inline = useInlinePolicies(ref);
  const memberNames = members.data?.items.map((u) => u.userName);
  const more = members.data && members.data.total > members.data.items.length ? [`and ${members.data.total - members.data.items.length} more`] : [];
  return (
    <InventoryList
      items={[
        { label: "Members (removed from the group)", names: memberNames && [...memberNames, ...more] },
        { label: "Attached managed policies (detached)", names: attached.data?.map((p) => p.policyName) },
        { label: "Inline policies", names: inline.data?.map((p) => p.policyName) },
      ]}
    />
  );
}
