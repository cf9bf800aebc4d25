"use client";

import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/entity/confirm-dialog";
import { EntityPicker } from "@/components/entity/entity-picker";
import { Pagination } from "@/components/list/pagination";
import { ErrorAlert } from "@/components/ui/alert";
import { PermittedButton } from "@/components/ui/permitted";
import { formatDateTime } from "@/components/ui/format";
import { Card, Skeleton } from "@/components/ui/misc";
import { useToast } from "@/components/ui/toast";
import { paths } from "@/components/shell/paths";
import type { UserSummary } from "@/lib/queries/types";
import { useAddGroupMember, useGroupMembers, useRemoveGroupMember } from "@/lib/queries/use-groups";

const PAGE_SIZE = 25;

/** The users in a group, one server page at a time (a group may hold thousands). */
export function GroupMembers({ accountId, groupName, groupArn }: { accountId: string; groupName: string; groupArn?: string }) {
  const notify = useToast();
  const [page, setPage] = useState(1);
  const members = useGroupMembers(accountId, groupName, page, PAGE_SIZE);
  const add = useAddGroupMember(accountId, groupName);
  const remove = useRemoveGroupMember(accountId, groupName);
  const [picking, setPicking] = useState(false);
  const [removing, setRemoving] = useState<UserSummary | null>(null);
  // AddUserToGroup and RemoveUserFromGroup act on the group (the Service Authorization Reference's resource type).
  const onGroup = (action: string) => (groupArn ? { account: accountId, action, resource: groupArn } : null);

  return (
    <Card
      title={`Users in this group${members.data ? ` (${members.data.total})` : ""}`}
      actions={
        <PermittedButton variant="primary" check={onGroup("iam:AddUserToGroup")} onClick={() => setPicking(true)}>
          Add users
        </PermittedButton>
      }
    >
      {members.error ? (
        <ErrorAlert error={members.error} />
      ) : !members.data ? (
        <Skeleton className="h-20" />
      ) : members.data.total === 0 ? (
        <p className="text-muted">No users in this group yet. Add users to give them the group&apos;s permissions.</p>
      ) : (
        <div className="flex flex-col gap-4">
          <table className="w-full text-left">
            <caption className="sr-only">Users in {groupName}</caption>
            <thead>
              <tr className="text-sm tracking-wide text-muted uppercase">
                <th scope="col" className="py-2 pr-4">User name</th>
                <th scope="col" className="py-2 pr-4">Path</th>
                <th scope="col" className="py-2 pr-4">Created</th>
                <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {members.data.items.map((user) => (
                <tr key={user.userId} className="border-t border-line">
                  <td className="py-2.5 pr-4">
                    <Link href={paths.user(accountId, user.userName)} className="font-semibold text-brand hover:underline">
                      {user.userName}
                    </Link>
                  </td>
                  <td className="py-2.5 pr-4 font-mono text-sm">{user.path}</td>
                  <td className="py-2.5 pr-4">{formatDateTime(user.createdAt)}</td>
                  <td className="py-2.5 text-right">
                    <PermittedButton size="sm" check={onGroup("iam:RemoveUserFromGroup")} onClick={() => setRemoving(user)} aria-label={`Remove ${user.userName} from group`}>
                      Remove
                    </PermittedButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {members.data.total > PAGE_SIZE && <Pagination page={page} pageSize={PAGE_SIZE} total={members.data.total} noun="users" onPage={setPage} />}
        </div>
      )}
      <EntityPicker<UserSummary>
        open={picking}
        onClose={() => setPicking(false)}
        title={`Add users to ${groupName}`}
        accountId={accountId}
        kind="users"
        noun="users"
        multiple
        confirmLabel="Add users"
        toOption={(user) => ({ value: user.userName, label: user.userName, detail: <span className="font-mono text-sm text-muted">{user.path}</span> })}
        onConfirm={async (names, onProgress) => {
          for (const [index, name] of names.entries()) {
            await add.mutateAsync(name);
            onProgress(index + 1);
          }
          notify(`${names.length === 1 ? names[0] : `${names.length} users`} added to ${groupName}.`);
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        title={`Remove ${removing?.userName ?? "user"} from ${groupName}?`}
        confirmLabel="Remove from group"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.userName, {
            onSuccess: () => {
              notify(`${removing.userName} removed from ${groupName}.`);
              setRemoving(null);
            },
          })
        }
      >
        <p>{removing?.userName} loses the permissions that {groupName} grants.</p>
      </ConfirmDialog>
    </Card>
  );
}
