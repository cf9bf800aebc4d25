"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { EffectivePermissions } from "@/components/access/effective-permissions";
import { ArnValue } from "@/components/entity/arn-value";
import { DeleteFlow } from "@/components/entity/delete-flow";
import { RenameDialog } from "@/components/entity/rename-dialog";
import { ChangeHistory } from "@/components/history/change-history";
import { AttachedPolicies } from "@/components/principal/attached-policies";
import { InlinePolicies } from "@/components/principal/inline-policies";
import { PermissionsBoundary } from "@/components/principal/permissions-boundary";
import { TagsEditor } from "@/components/principal/tags-editor";
import { AssumableRoles } from "@/components/who-can/assume-role-lists";
import { ErrorAlert } from "@/components/ui/alert";
import { PermittedButton } from "@/components/ui/permitted";
import { formatDateTime } from "@/components/ui/format";
import { Breadcrumbs, Card, PageHeader, Skeleton, SummaryList } from "@/components/ui/misc";
import { Tabs } from "@/components/ui/tabs";
import { useToast } from "@/components/ui/toast";
import { paths } from "@/components/shell/paths";
import type { User } from "@/lib/queries/types";
import { principalCheck } from "@/lib/queries/permission-checks";
import { useDeleteUser, useUpdateUser, useUser } from "@/lib/queries/use-users";
import { AccessKeys } from "./access-keys";
import { ConsolePassword } from "./console-password";
import { MfaDevices } from "./mfa-devices";
import { UserGroups } from "./user-groups";
import { UserInventory } from "./user-inventory";

const TABS = [
  { id: "permissions", label: "Permissions" },
  { id: "effective", label: "Effective permissions" },
  { id: "groups", label: "Groups" },
  { id: "assumable-roles", label: "Roles it can assume" },
  { id: "tags", label: "Tags" },
  { id: "security-credentials", label: "Security credentials" },
  { id: "boundary", label: "Permissions boundary" },
  { id: "history", label: "History" },
] as const;

export function UserDetail({ accountId, userName }: { accountId: string; userName: string }) {
  const user = useUser(accountId, userName);
  const crumbs = [
    { label: "Users", href: paths.users(accountId) },
    { label: userName },
  ];
  if (user.error) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <ErrorAlert error={user.error} />
      </>
    );
  }
  if (!user.data) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <Skeleton className="mb-6 h-10 w-72" />
        <Skeleton className="h-40 rounded-xl" />
      </>
    );
  }
  return <UserView accountId={accountId} user={user.data} />;
}

function UserView({ accountId, user }: { accountId: string; user: User }) {
  const router = useRouter();
  const notify = useToast();
  const update = useUpdateUser(accountId, user.userName);
  const remove = useDeleteUser(accountId, user.userName);
  const [renaming, setRenaming] = useState(false);
  const principal = { accountId, kind: "users" as const, name: user.userName, arn: user.arn };

  return (
    <>
      <Breadcrumbs items={[{ label: "Users", href: paths.users(accountId) }, { label: user.userName }]} />
      <PageHeader
        title={user.userName}
        description="IAM user"
        actions={
          <>
            <PermittedButton check={principalCheck(principal, "Update")} onClick={() => setRenaming(true)}>
              Edit name or path
            </PermittedButton>
            <DeleteFlow
              check={principalCheck(principal, "Delete")}
              noun="user"
              name={user.userName}
              pending={remove.isPending}
              remove={(force) => remove.mutateAsync({ force })}
              inventory={<UserInventory accountId={accountId} userName={user.userName} hasPassword={user.hasPassword} />}
              onDeleted={() => {
                notify(`User ${user.userName} deleted.`);
                router.push(paths.users(accountId));
              }}
            />
          </>
        }
      />
      <Card title="Summary" className="mb-8">
        <SummaryList
          items={[
            { term: "ARN", value: <ArnValue arn={user.arn} />, wide: true },
            { term: "Created", value: formatDateTime(user.createdAt) },
            { term: "Path", value: <span className="font-mono">{user.path}</span> },
            { term: "Unique ID", value: <span className="font-mono">{user.userId}</span> },
            { term: "Console access", value: user.hasPassword ? "Enabled" : "Disabled" },
            { term: "Permissions boundary", value: user.permissionsBoundary?.name ?? "Not set" },
          ]}
        />
      </Card>
      <Tabs tabs={TABS} label={`User ${user.userName}`}>
        {(tab) => {
          switch (tab) {
            case "permissions":
              return (
                <div className="flex flex-col gap-6">
                  <AttachedPolicies principal={principal} label={user.userName} />
                  <InlinePolicies principal={principal} label={user.userName} />
                </div>
              );
            case "effective":
              return <EffectivePermissions principal={principal} />;
            case "groups":
              return <UserGroups accountId={accountId} userName={user.userName} />;
            case "assumable-roles":
              return <AssumableRoles accountId={accountId} userName={user.userName} />;
            case "tags":
              return <TagsEditor resource={principal} tags={user.tags} />;
            case "security-credentials":
              return (
                <div className="flex flex-col gap-6">
                  <ConsolePassword accountId={accountId} user={user} />
                  <AccessKeys accountId={accountId} userName={user.userName} userArn={user.arn} />
                  <MfaDevices accountId={accountId} userName={user.userName} />
                </div>
              );
            case "boundary":
              return <PermissionsBoundary principal={principal} label={user.userName} boundary={user.permissionsBoundary} />;
            case "history":
              return (
                <Card title="Changes to this user">
                  <ChangeHistory accountId={accountId} targetArn={user.arn} />
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
          noun="User"
          name={user.userName}
          path={user.path}
          pending={update.isPending}
          error={update.error}
          onSave={({ newName, newPath }) =>
            update.mutate(
              { newUserName: newName, newPath },
              {
                onSuccess: (updated) => {
                  notify(`User ${user.userName} updated.`);
                  setRenaming(false);
                  if (newName) router.replace(paths.user(accountId, updated?.userName ?? newName));
                },
              },
            )
          }
        />
      )}
    </>
  );
}
