"use client";

import { useState, type FormEvent } from "react";
import { PolicyDocumentInput } from "@/components/policy/policy-document-input";
import { PolicySummaryPanel } from "@/components/policy/policy-summary";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/field";
import { formError } from "@/components/ui/form-errors";
import { Card } from "@/components/ui/misc";
import type { Policy, PolicyVersion } from "@/lib/queries/types";
import { useCreatePolicyVersion, useDeletePolicyVersion } from "@/lib/queries/use-policies";
import { ChooseVersionToDelete } from "./choose-version-to-delete";

/** A managed policy keeps at most five versions (IAM quotas). */
export const MAX_VERSIONS = 5;

interface CreateVersionFormProps {
  accountId: string;
  policy: Policy;
  /** The policy's versions, newest first. */
  versions: PolicyVersion[];
  onCreated: (version: PolicyVersion, setAsDefault: boolean) => void;
  onCancel: () => void;
}

/** A new version from the default one's text, with its summary beside the editor. */
export function CreateVersionForm({ accountId, policy, versions, onCreated, onCancel }: CreateVersionFormProps) {
  const create = useCreatePolicyVersion(accountId, policy.policyName);
  const remove = useDeletePolicyVersion(accountId, policy.policyName);
  const [document, setDocument] = useState(policy.document);
  const [setAsDefault, setSetAsDefault] = useState(true);
  const [choosing, setChoosing] = useState(false);
  const atLimit = versions.length >= MAX_VERSIONS;

  const save = () =>
    create.mutate(
      { policyDocument: document, setAsDefault },
      { onSuccess: (version) => onCreated(version, setAsDefault) },
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (atLimit) setChoosing(true);
    else save();
  };

  const deleteThenSave = (versionId: string) =>
    remove.mutate(versionId, {
      onSuccess: () => {
        setChoosing(false);
        save();
      },
    });

  return (
    <Card title="Create a new version">
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {atLimit && (
          <Alert tone="info" title="Five versions already">
            Saving asks which version (not the default) to delete first.
          </Alert>
        )}
        <ErrorAlert error={formError(create.error, ["policyDocument"])} />
        <div className="grid gap-6 2xl:grid-cols-2">
          <PolicyDocumentInput label="Policy document" value={document} onChange={setDocument} error={create.error} baseline={policy.document} />
          <PolicySummaryPanel document={document} label="Summary of the new version" />
        </div>
        <CheckboxField label="Set as the default version" checked={setAsDefault} onChange={(e) => setSetAsDefault(e.target.checked)} />
        <div className="flex gap-3">
          <Button type="submit" variant="primary" pending={create.isPending}>
            Save version
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
      <ChooseVersionToDelete
        open={choosing}
        candidates={versions.filter((v) => !v.isDefault)}
        pending={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setChoosing(false);
        }}
        onConfirm={deleteThenSave}
      />
    </Card>
  );
}
