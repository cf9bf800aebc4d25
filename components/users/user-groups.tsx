"use client";

import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/entity/confirm-dialog";
import { EntityPicker } from "@/components/entity/entity-picker";
import { ErrorAlert } from "@/components/ui/alert";
import { PermittedButton } from "@/components/ui/permitted";
import { formatCount, formatDateTime } from "@/components/ui/format";
import { Card, Skeleton } from "@/components/ui/misc";
import { useToast } from "@/components/ui/toast";
import { paths } from "@/components/shell/paths";
import type { GroupSummary } from "@/lib/queries/types";
import { useAddUserToGroup, useRemoveUserFromGroup, useUserGroups } from "@/lib/queries/use-users";

/** The groups a user belongs to (at most 10, as in AWS). */
export function UserGroups({ accountId, userName }: { accountId: string; userName: string }) {
  const notify = useToast();
  const groups = useUserGroups(accountId, userName);
  const add = useAddUserToGroup(accountId, userName);
  const remove = useRemoveUserFromGroup(accountId, userName);
  const [picking, setPicking] = useState(false);
  const [removing, setRemoving] = useState<GroupSummary | null>(null);

  return (
    <Card
      title={`Groups${groups.data ? ` (${groups.data.length})` : ""}`}
      actions={
        <PermittedButton variant="primary" check={{ account: accountId, action: "iam:AddUserToGroup", resource: `arn:aws:iam::${accountId}:group/*` }} onClick={() => setPicking(true)}>
          Add user to groups
        </PermittedButton>
      }
    >
      {groups.error ? (
        <ErrorAlert error={groups.error} />
      ) : !groups.data ? (
        <Skeleton className="h-20" />
      ) : groups.data.length === 0 ? (
        <p className="text-muted">{userName} is not in any group. Groups are the simplest way to give the same permissions to many users.</p>
      ) : (
        <table className="w-full text-left">
          <caption className="sr-only">Groups of {userName}</caption>
          <thead>
            <tr className="text-sm tracking-wide text-muted uppercase">
              <th scope="col" className="py-2 pr-4">Group name</th>
              <th scope="col" className="py-2 pr-4">Policies</th>
              <th scope="col" className="py-2 pr-4">Created</th>
              <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {groups.data.map((group) => (
              <tr key={group.groupId} className="border-t border-line">
                <td className="py-2.5 pr-4">
                  <Link href={paths.group(accountId, group.groupName)} className="font-semibold text-brand hover:underline">
                    {group.groupName}
                  </Link>
                </td>
                <td className="py-2.5 pr-4">{formatCount(group.attachedPolicyCount)}</td>
                <td className="py-2.5 pr-4">{formatDateTime(group.createdAt)}</td>
                <td className="py-2.5 text-right">
                  <PermittedButton size="sm" check={{ account: accountId, action: "iam:RemoveUserFromGroup", resource: group.arn }} onClick={() => setRemoving(group)} aria-label={`Remove from ${group.groupName}`}>
                    Remove
                  </PermittedButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <EntityPicker<GroupSummary>
        open={picking}
        onClose={() => setPicking(false)}
        title={`Add ${userName} to groups`}
        description="A user can be in at most 10 groups."
        accountId={accountId}
        kind="groups"
        noun="groups"
        multiple
        confirmLabel="Add to groups"
        takenLabel="Already a member"
        taken={new Set((groups.data ?? []).map((g) => g.groupName))}
        toOption={(group) => ({ value: group.groupName, label: group.groupName, detail: <span className="text-sm text-muted">{formatCount(group.memberCount)} users</span> })}
        onConfirm={async (names, onProgress) => {
          for (const [index, name] of names.entries()) {
            await add.mutateAsync(name);
            onProgress(index + 1);
          }
          notify(`${userName} added to ${names.join(", ")}.`);
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        title={`Remove ${userName} from ${removing?.groupName ?? "group"}?`}
        confirmLabel="Remove from group"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.groupName, {
            onSuccess: () => {
              notify(`${userName} removed from ${removing.groupName}.`);
              setRemoving(null);
            },
          })
        }
      >
        <p>{userName} loses the permissions that {removing?.groupName} grants.</p>
      </ConfirmDialog>
    </Card>
  );
}
