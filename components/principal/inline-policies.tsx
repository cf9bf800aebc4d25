"use client";

import { useId, useState, type FormEvent } from "react";
import { DocumentView, useLinkedStatement } from "@/components/access/document-view";
import { ConfirmDialog } from "@/components/entity/confirm-dialog";
import { PolicyDocumentInput } from "@/components/policy/policy-document-input";
import { PolicySummaryPanel } from "@/components/policy/policy-summary";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PermittedButton } from "@/components/ui/permitted";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { formatDateTime } from "@/components/ui/format";
import { Card, Skeleton } from "@/components/ui/misc";
import { useToast } from "@/components/ui/toast";
import { inlinePolicySizeLimit } from "@/lib/editor/size-limits";
import { useFieldRule } from "@/components/ui/use-field-rule";
import { principalCheck, type PermissionCheck } from "@/lib/queries/permission-checks";
import type { InlinePolicy } from "@/lib/queries/types";
import { useDeleteInlinePolicy, useInlinePolicies, usePutInlinePolicy, type PrincipalRef } from "@/lib/queries/use-principal-policies";
import { policyName } from "@/lib/schemas/common";

const TEMPLATE = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:ListAllMyBuckets",
      "Resource": "*"
    }
  ]
}`;

type Editing = { mode: "create" } | { mode: "edit"; policy: InlinePolicy };

/** Inline policies: embedded in one user, group or role, deleted with it. */
export function InlinePolicies({ principal, label }: { principal: PrincipalRef; label: string }) {
  const notify = useToast();
  const inline = useInlinePolicies(principal);
  const remove = useDeleteInlinePolicy(principal);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<InlinePolicy | null>(null);

  return (
    <Card
      title={`Inline policies${inline.data ? ` (${inline.data.length})` : ""}`}
      actions={
        <PermittedButton check={principalCheck(principal, "Put", "Policy")} onClick={() => setEditing({ mode: "create" })}>
          Create inline policy
        </PermittedButton>
      }
    >
      {inline.error ? (
        <ErrorAlert error={inline.error} />
      ) : !inline.data ? (
        <Skeleton className="h-16" />
      ) : inline.data.length === 0 ? (
        <p className="text-muted">No inline policies. Prefer managed policies: they can be reused and versioned.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {inline.data.map((policy) => (
            <InlinePolicyItem
              key={policy.policyName}
              policy={policy}
              checks={{ edit: principalCheck(principal, "Put", "Policy"), remove: principalCheck(principal, "Delete", "Policy") }}
              onEdit={() => setEditing({ mode: "edit", policy })}
              onDelete={() => setDeleting(policy)}
            />
          ))}
        </ul>
      )}
      {editing && <InlinePolicyDialog principal={principal} label={label} editing={editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        title={`Delete inline policy ${deleting?.policyName ?? ""}?`}
        confirmLabel="Delete"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.policyName, {
            onSuccess: () => {
              notify(`Inline policy ${deleting.policyName} deleted.`);
              setDeleting(null);
            },
          })
        }
      >
        <p>The policy is removed from {label} for good; it cannot be restored.</p>
      </ConfirmDialog>
    </Card>
  );
}

interface ItemProps {
  policy: InlinePolicy;
  /** The requests behind Edit (Put…Policy) and Delete (Delete…Policy). */
  checks: { edit: PermissionCheck | null; remove: PermissionCheck | null };
  onEdit: () => void;
  onDelete: () => void;
}

function InlinePolicyItem({ policy, checks, onEdit, onDelete }: ItemProps) {
  // Opened from the effective-permissions panel: show the document with the statement marked.
  const linked = useLinkedStatement(policy.policyName);
  const [shown, setShown] = useState(linked !== null);
  const panelId = useId();
  return (
    <li className="rounded-lg border border-line">
      <div className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
        <span>
          <span className="font-semibold">{policy.policyName}</span>
          <span className="ml-3 text-sm text-muted">updated {formatDateTime(policy.updatedAt)}</span>
        </span>
        <span className="flex gap-2">
          <Button size="sm" variant="ghost" aria-expanded={shown} aria-controls={panelId} onClick={() => setShown(!shown)}>
            {shown ? "Hide document" : "Show document"}
          </Button>
          <PermittedButton size="sm" check={checks.edit} onClick={onEdit} aria-label={`Edit ${policy.policyName}`}>
            Edit
          </PermittedButton>
          <PermittedButton size="sm" check={checks.remove} onClick={onDelete} aria-label={`Delete ${policy.policyName}`}>
            Delete
          </PermittedButton>
        </span>
      </div>
      <DocumentView id={panelId} hidden={!shown} text={policy.document} statement={linked} />
    </li>
  );
}

function InlinePolicyDialog({ principal, label, editing, onClose }: { principal: PrincipalRef; label: string; editing: Editing; onClose: () => void }) {
  const notify = useToast();
  const put = usePutInlinePolicy(principal);
  const [name, setName] = useState(editing.mode === "edit" ? editing.policy.policyName : "");
  const [document, setDocument] = useState(editing.mode === "edit" ? editing.policy.document : TEMPLATE);
  // AWS's name rule, checked as typed with the schema the API validates with.
  const nameRule = useFieldRule(policyName, name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    put.mutate(
      { policyName: name.trim(), policyDocument: document },
      {
        onSuccess: () => {
          notify(`Inline policy ${name.trim()} saved on ${label}.`);
          onClose();
        },
      },
    );
  };

  return (
    <Dialog open onClose={onClose} title={editing.mode === "edit" ? `Edit inline policy ${editing.policy.policyName}` : `Create inline policy for ${label}`} wide>
      <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
        <ErrorAlert error={formError(put.error, ["policyName", "policyDocument"])} />
        <TextField
          label="Policy name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          readOnly={editing.mode === "edit"}
          error={nameRule.error ?? fieldError(put.error, "policyName")}
          required
        />
        <PolicyDocumentInput label="Policy document" value={document} onChange={setDocument} error={put.error} sizeLimit={inlinePolicySizeLimit(principal.kind)} />
        <div className="max-h-[24rem] overflow-auto rounded-lg border border-line px-4 py-3">
          <PolicySummaryPanel document={document} />
        </div>
        <div className="flex justify-end gap-3">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" pending={put.isPending}>
            Save inline policy
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
