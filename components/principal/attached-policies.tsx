"use client";

import { useQueries } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/entity/confirm-dialog";
import { PolicyTypeBadge } from "@/components/policies/policy-type-badge";
import { ErrorAlert } from "@/components/ui/alert";
import { PermittedButton } from "@/components/ui/permitted";
import { Card, Skeleton } from "@/components/ui/misc";
import { useToast } from "@/components/ui/toast";
import { paths } from "@/components/shell/paths";
import { seg } from "@/lib/queries/api";
import { keys } from "@/lib/queries/keys";
import { principalCheck } from "@/lib/queries/permission-checks";
import { getItems } from "@/lib/queries/list";
import type { AttachedPolicy } from "@/lib/queries/types";
import { useAttachedPolicies, useAttachPolicy, useDetachPolicy, type PrincipalRef } from "@/lib/queries/use-principal-policies";
import { useUserGroups } from "@/lib/queries/use-users";
import { PolicyPicker } from "./policy-picker";

interface Row {
  policy: AttachedPolicy;
  /** The group it comes through, or null when attached directly. */
  group: string | null;
}

/** Managed policies of a user, group or role; for a user, also those its groups give it. */
export function AttachedPolicies({ principal, label }: { principal: PrincipalRef; label: string }) {
  const notify = useToast();
  const direct = useAttachedPolicies(principal);
  const viaGroups = useGroupPolicies(principal);
  const attach = useAttachPolicy(principal);
  const detach = useDetachPolicy(principal);
  const [picking, setPicking] = useState(false);
  const [detaching, setDetaching] = useState<AttachedPolicy | null>(null);

  const rows: Row[] = [...(direct.data ?? []).map((policy) => ({ policy, group: null })), ...viaGroups.rows];
  const attached = new Set((direct.data ?? []).map((p) => p.arn));

  return (
    <Card
      title={`Permissions policies${direct.data ? ` (${rows.length})` : ""}`}
      actions={
        <PermittedButton variant="primary" check={principalCheck(principal, "Attach", "Policy")} onClick={() => setPicking(true)}>
          Add permissions
        </PermittedButton>
      }
    >
      {direct.error ? (
        <ErrorAlert error={direct.error} />
      ) : !direct.data || viaGroups.loading ? (
        <Skeleton className="h-24" />
      ) : rows.length === 0 ? (
        <p className="text-muted">No managed policies are attached{principal.kind === "users" ? " directly or through groups" : ""}.</p>
      ) : (
        <table className="w-full text-left">
          <caption className="sr-only">Managed policies of {label}</caption>
          <thead>
            <tr className="text-sm tracking-wide text-muted uppercase">
              <th scope="col" className="py-2 pr-4">Policy name</th>
              <th scope="col" className="py-2 pr-4">Type</th>
              <th scope="col" className="py-2 pr-4">Attached</th>
              <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ policy, group }) => (
              <tr key={`${policy.arn}-${group ?? ""}`} className="border-t border-line">
                <td className="py-2.5 pr-4">
                  <Link href={paths.policy(principal.accountId, policy.policyName)} className="font-semibold text-brand hover:underline">
                    {policy.policyName}
                  </Link>
                </td>
                <td className="py-2.5 pr-4"><PolicyTypeBadge awsManaged={policy.awsManaged} /></td>
                <td className="py-2.5 pr-4">
                  {group ? (
                    <>
                      Via group{" "}
                      <Link href={paths.group(principal.accountId, group)} className="font-semibold text-brand hover:underline">
                        {group}
                      </Link>
                    </>
                  ) : (
                    "Directly"
                  )}
                </td>
                <td className="py-2.5 text-right">
                  {!group && (
                    <PermittedButton
                      size="sm"
                      variant="secondary"
                      check={principalCheck(principal, "Detach", "Policy", { "iam:PolicyARN": policy.arn })}
                      onClick={() => setDetaching(policy)}
                      aria-label={`Detach ${policy.policyName}`}
                    >
                      Detach
                    </PermittedButton>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PolicyPicker
        open={picking}
        onClose={() => setPicking(false)}
        accountId={principal.accountId}
        title={`Attach policies to ${label}`}
        description="At most 10 managed policies can be attached to one user, group or role."
        multiple
        confirmLabel="Attach policies"
        taken={attached}
        onConfirm={async (arns, onProgress) => {
          for (const [index, arn] of arns.entries()) {
            await attach.mutateAsync(arn);
            onProgress(index + 1);
          }
          notify(`${arns.length === 1 ? "Policy" : `${arns.length} policies`} attached to ${label}.`);
        }}
      />
      <ConfirmDialog
        open={detaching !== null}
        onClose={() => {
          detach.reset();
          setDetaching(null);
        }}
        title={`Detach ${detaching?.policyName ?? "policy"}?`}
        confirmLabel="Detach"
        pending={detach.isPending}
        error={detach.error}
        onConfirm={() =>
          detaching &&
          detach.mutate(detaching.arn, {
            onSuccess: () => {
              notify(`${detaching.policyName} detached from ${label}.`);
              setDetaching(null);
            },
          })
        }
      >
        <p>
          {label} loses the permissions of <strong>{detaching?.policyName}</strong> unless another policy grants them.
        </p>
      </ConfirmDialog>
    </Card>
  );
}

/** For a user: the managed policies attached to each of its groups. */
function useGroupPolicies(principal: PrincipalRef): { rows: Row[]; loading: boolean } {
  const isUser = principal.kind === "users";
  const groups = useUserGroups(principal.accountId, principal.name, isUser);
  const results = useQueries({
    queries: (groups.data ?? []).map((group) => ({
      queryKey: keys.sub(principal.accountId, "groups", group.groupName, "attached-policies"),
      queryFn: () => getItems<AttachedPolicy>(`/accounts/${seg(principal.accountId)}/groups/${seg(group.groupName)}/attached-policies`),
    })),
  });
  if (!isUser) return { rows: [], loading: false };
  const rows = (groups.data ?? []).flatMap((group, index) => (results[index]?.data ?? []).map((policy) => ({ policy, group: group.groupName })));
  return { rows, loading: groups.isPending || results.some((r) => r.isPending) };
}
