"use client";

import { useState, type FormEvent } from "react";
import { PolicyDocumentViewer } from "@/components/editor/policy-document-viewer";
import { PolicyDocumentInput } from "@/components/policy/policy-document-input";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PermittedButton } from "@/components/ui/permitted";
import { formError } from "@/components/ui/form-errors";
import { Card } from "@/components/ui/misc";
import { useToast } from "@/components/ui/toast";
import type { Role } from "@/lib/queries/types";
import { useUpdateTrustPolicy } from "@/lib/queries/use-roles";

/** The trust policy (who may assume the role), viewed as stored or edited in place. */
export function TrustRelationships({ accountId, role }: { accountId: string; role: Role }) {
  const notify = useToast();
  const update = useUpdateTrustPolicy(accountId, role.roleName);
  const [draft, setDraft] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft === null) return;
    update.mutate(draft, {
      onSuccess: () => {
        notify(`Trust policy of ${role.roleName} updated.`);
        setDraft(null);
      },
    });
  };

  return (
    <Card title="Trusted entities" actions={
        draft === null && (
          <PermittedButton variant="primary" check={{ account: accountId, action: "iam:UpdateAssumeRolePolicy", resource: role.arn }} onClick={() => setDraft(role.trustPolicy)}>
            Edit trust policy
          </PermittedButton>
        )
      }>
      {draft === null ? (
        <div className="flex flex-col gap-3">
          <p className="text-muted">Principals named here can assume the role, if their own policies also allow sts:AssumeRole.</p>
          <PolicyDocumentViewer label="Trust policy document" kind="trust" value={role.trustPolicy} />
        </div>
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <ErrorAlert error={formError(update.error, ["policyDocument"])} />
          <PolicyDocumentInput label="Trust policy" kind="trust" value={draft} onChange={setDraft} error={update.error} baseline={role.trustPolicy} />
          <div className="flex gap-3">
            <Button type="submit" variant="primary" pending={update.isPending}>
              Update trust policy
            </Button>
            <Button
              onClick={() => {
                update.reset();
                setDraft(null);
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
