"use client";

import { useState } from "react";
import { ArnValue } from "@/components/entity/arn-value";
import { ConfirmDialog } from "@/components/entity/confirm-dialog";
import { ErrorAlert } from "@/components/ui/alert";
import { formatDateTime } from "@/components/ui/format";
import { Card, Skeleton } from "@/components/ui/misc";
import { PermittedButton } from "@/components/ui/permitted";
import { useToast } from "@/components/ui/toast";
import type { Role } from "@/lib/queries/types";
import { useCreateRoleInstanceProfile, useDeleteInstanceProfile, useRoleInstanceProfiles, type InstanceProfile } from "@/lib/queries/use-instance-profiles";
import { instanceProfileArn } from "@/lib/schemas/instance-profile";

/**
 * The instance profiles holding the role: how an EC2 instance gets the role's permissions. Create
 * makes one named like the role, holding it, as the AWS console does for EC2 roles (the server
 * declares CreateInstanceProfile, AddRoleToInstanceProfile and iam:PassRole); remove takes the
 * role out and deletes the profile.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html
 */
export function InstanceProfilesCard({ accountId, role }: { accountId: string; role: Role }) {
  const notify = useToast();
  const profiles = useRoleInstanceProfiles(accountId, role.roleName);
  const create = useCreateRoleInstanceProfile(accountId, role.roleName);
  const remove = useDeleteInstanceProfile(accountId);
  const [removing, setRemoving] = useState<InstanceProfile | null>(null);
  const own = instanceProfileArn(accountId, role.path, role.roleName);
  const hasOwn = profiles.data?.some((profile) => profile.instanceProfileName.toLowerCase() === role.roleName.toLowerCase()) ?? false;

  return (
    <Card
      title={`Instance profiles${profiles.data ? ` (${profiles.data.length})` : ""}`}
      actions={
        !hasOwn && (
          <PermittedButton
            variant="primary"
            check={{ account: accountId, action: "iam:CreateInstanceProfile", resource: own }}
            pending={create.isPending}
            onClick={() => create.mutate(undefined, { onSuccess: () => notify(`Instance profile ${role.roleName} created for ${role.roleName}.`) })}
          >
            Create instance profile
          </PermittedButton>
        )
      }
    >
      <ErrorAlert error={create.error} />
      {profiles.error ? (
        <ErrorAlert error={profiles.error} />
      ) : !profiles.data ? (
        <Skeleton className="h-16" />
      ) : profiles.data.length === 0 ? (
        <p className="text-muted">
          No instance profile holds this role, so no EC2 instance can use it. Create an instance profile named {role.roleName} to launch instances
          with this role.
        </p>
      ) : (
        <table className="w-full text-left">
          <caption className="sr-only">Instance profiles holding {role.roleName}</caption>
          <thead>
            <tr className="text-sm tracking-wide text-muted uppercase">
              <th scope="col" className="py-2 pr-4">Name</th>
              <th scope="col" className="py-2 pr-4">ARN</th>
              <th scope="col" className="py-2 pr-4">Created</th>
              <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {profiles.data.map((profile) => (
              <tr key={profile.arn} className="border-t border-line">
                <td className="py-2.5 pr-4 font-semibold">{profile.instanceProfileName}</td>
                <td className="py-2.5 pr-4"><ArnValue arn={profile.arn} /></td>
                <td className="py-2.5 pr-4">{formatDateTime(profile.createdAt)}</td>
                <td className="py-2.5 text-right">
                  <PermittedButton
                    size="sm"
                    variant="secondary"
                    check={{ account: accountId, action: "iam:DeleteInstanceProfile", resource: profile.arn }}
                    onClick={() => setRemoving(profile)}
                    aria-label={`Remove instance profile ${profile.instanceProfileName}`}
                  >
                    Remove
                  </PermittedButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={removing !== null}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        title={`Remove instance profile ${removing?.instanceProfileName ?? ""}?`}
        confirmLabel="Remove"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.instanceProfileName, {
            onSuccess: () => {
              notify(`Instance profile ${removing.instanceProfileName} removed.`);
              setRemoving(null);
            },
          })
        }
      >
        <p>
          {role.roleName} is taken out of <strong>{removing?.instanceProfileName}</strong> and the instance profile is deleted. EC2 instances
          launched with it lose the role&apos;s permissions.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
