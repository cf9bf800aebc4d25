"use client";

import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/entity/confirm-dialog";
import { Alert } from "@/components/ui/alert";
import { PermittedButton } from "@/components/ui/permitted";
import { Card } from "@/components/ui/misc";
import { useToast } from "@/components/ui/toast";
import { paths } from "@/components/shell/paths";
import { principalCheck } from "@/lib/queries/permission-checks";
import type { BoundaryRef } from "@/lib/queries/types";
import { useDeleteBoundary, usePutBoundary, type PrincipalRef } from "@/lib/queries/use-principal-policies";
import { PolicyPicker } from "./policy-picker";

/**
 * The permissions boundary: the most that identity-based policies can grant this user or role.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 */
export function PermissionsBoundary({ principal, label, boundary }: { principal: PrincipalRef; label: string; boundary: BoundaryRef | null }) {
  const notify = useToast();
  const put = usePutBoundary(principal);
  const remove = useDeleteBoundary(principal);
  const [picking, setPicking] = useState(false);
  const [removing, setRemoving] = useState(false);

  return (
    <Card
      title="Permissions boundary"
      actions={
        <>
          <PermittedButton variant="primary" check={principalCheck(principal, "Put", "PermissionsBoundary")} onClick={() => setPicking(true)}>
            {boundary ? "Change boundary" : "Set boundary"}
          </PermittedButton>
          {boundary && (
            <PermittedButton check={principalCheck(principal, "Delete", "PermissionsBoundary", { "iam:PermissionsBoundary": boundary.arn })} onClick={() => setRemoving(true)}>
              Remove boundary
            </PermittedButton>
          )}
        </>
      }
    >
      <div className="flex flex-col gap-4">
        <p className="text-muted">
          A boundary limits the maximum permissions that identity-based policies can grant. It grants nothing by itself: an action is allowed only when both a policy and the boundary allow it.
        </p>
        {boundary ? (
          <Alert tone="info" title="Boundary in effect">
            <Link href={paths.policy(principal.accountId, boundary.name)} className="font-semibold text-brand hover:underline">
              {boundary.name}
            </Link>
            <p className="font-mono text-sm break-all text-muted">{boundary.arn}</p>
          </Alert>
        ) : (
          <p className="font-semibold">No permissions boundary is set.</p>
        )}
      </div>
      <PolicyPicker
        open={picking}
        onClose={() => setPicking(false)}
        accountId={principal.accountId}
        title={`Set permissions boundary for ${label}`}
        multiple={false}
        confirmLabel="Set boundary"
        taken={boundary ? new Set([boundary.arn]) : undefined}
        onConfirm={async ([arn]) => {
          await put.mutateAsync(arn);
          notify(`Permissions boundary set on ${label}.`);
        }}
      />
      <ConfirmDialog
        open={removing}
        onClose={() => {
          remove.reset();
          setRemoving(false);
        }}
        title="Remove the permissions boundary?"
        confirmLabel="Remove boundary"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              notify(`Permissions boundary removed from ${label}.`);
              setRemoving(false);
            },
          })
        }
      >
        <p>{label} will then have everything its policies grant, with no upper limit.</p>
      </ConfirmDialog>
    </Card>
  );
}
