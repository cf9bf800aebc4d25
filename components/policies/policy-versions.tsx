"use client";

import { useId, useState, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/entity/confirm-dialog";
import { PolicyDocumentInput } from "@/components/policy/policy-document-input";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/field";
import { formError } from "@/components/ui/form-errors";
import { formatDateTime } from "@/components/ui/format";
import { Badge, Card, Skeleton } from "@/components/ui/misc";
import { useToast } from "@/components/ui/toast";
import type { Policy, PolicyVersion } from "@/lib/queries/types";
import { useCreatePolicyVersion, useDeletePolicyVersion, usePolicyVersions, useSetDefaultPolicyVersion } from "@/lib/queries/use-policies";

/** A managed policy keeps at most five versions (IAM quotas). */
const MAX_VERSIONS = 5;

export function PolicyVersions({ accountId, policy }: { accountId: string; policy: Policy }) {
  const notify = useToast();
  const versions = usePolicyVersions(accountId, policy.policyName);
  const setDefault = useSetDefaultPolicyVersion(accountId, policy.policyName);
  const remove = useDeletePolicyVersion(accountId, policy.policyName);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<PolicyVersion | null>(null);
  const readOnly = policy.awsManaged;
  const atLimit = (versions.data?.length ?? 0) >= MAX_VERSIONS;

  return (
    <div className="flex flex-col gap-6">
      <Card
        title={`Policy versions${versions.data ? ` (${versions.data.length} of ${MAX_VERSIONS})` : ""}`}
        actions={!readOnly && !creating && <Button variant="primary" disabled={!versions.data || atLimit} onClick={() => setCreating(true)}>Create version</Button>}
      >
        <div className="flex flex-col gap-4">
          {!readOnly && atLimit && (
            <Alert tone="warning" title="Version limit reached">
              A managed policy can keep at most {MAX_VERSIONS} versions. Delete a version that is not the default before creating another.
            </Alert>
          )}
          <ErrorAlert error={setDefault.error} />
          {versions.error ? (
            <ErrorAlert error={versions.error} />
          ) : !versions.data ? (
            <Skeleton className="h-24" />
          ) : (
            <ul className="flex flex-col gap-3">
              {versions.data.map((version) => (
                <VersionItem
                  key={version.versionId}
                  version={version}
                  readOnly={readOnly}
                  settingDefault={setDefault.isPending && setDefault.variables === version.versionId}
                  onSetDefault={() => setDefault.mutate(version.versionId, { onSuccess: () => notify(`${version.versionId} is now the default version.`) })}
                  onDelete={() => setDeleting(version)}
                />
              ))}
            </ul>
          )}
        </div>
      </Card>
      {creating && <CreateVersionForm accountId={accountId} policy={policy} onDone={() => setCreating(false)} />}
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        title={`Delete version ${deleting?.versionId ?? ""}?`}
        confirmLabel="Delete version"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.versionId, {
            onSuccess: () => {
              notify(`Version ${deleting.versionId} deleted.`);
              setDeleting(null);
            },
          })
        }
      >
        <p>The document of this version is lost. Version ids are not reused.</p>
      </ConfirmDialog>
    </div>
  );
}

interface VersionItemProps {
  version: PolicyVersion;
  readOnly: boolean;
  settingDefault: boolean;
  onSetDefault: () => void;
  onDelete: () => void;
}

function VersionItem({ version, readOnly, settingDefault, onSetDefault, onDelete }: VersionItemProps) {
  const [shown, setShown] = useState(false);
  const panelId = useId();
  return (
    <li className="rounded-lg border border-line">
      <div className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
        <span className="flex items-center gap-3">
          <span className="font-mono text-lg font-bold">{version.versionId}</span>
          {version.isDefault && <Badge tone="success">Default</Badge>}
          <span className="text-muted">created {formatDateTime(version.createdAt)}</span>
        </span>
        <span className="flex gap-2">
          <Button size="sm" variant="ghost" aria-expanded={shown} aria-controls={panelId} onClick={() => setShown(!shown)}>
            {shown ? "Hide document" : "Show document"}
          </Button>
          {!readOnly && !version.isDefault && (
            <>
              <Button size="sm" pending={settingDefault} onClick={onSetDefault} aria-label={`Set ${version.versionId} as default`}>
                Set as default
              </Button>
              <Button size="sm" onClick={onDelete} aria-label={`Delete version ${version.versionId}`}>
                Delete
              </Button>
            </>
          )}
        </span>
      </div>
      <pre id={panelId} hidden={!shown} className="overflow-x-auto border-t border-line bg-[#fbfcfd] px-4 py-3 font-mono text-[0.9rem]">
        {version.document}
      </pre>
    </li>
  );
}

function CreateVersionForm({ accountId, policy, onDone }: { accountId: string; policy: Policy; onDone: () => void }) {
  const notify = useToast();
  const create = useCreatePolicyVersion(accountId, policy.policyName);
  const [document, setDocument] = useState(policy.document);
  const [setAsDefault, setSetAsDefault] = useState(true);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { policyDocument: document, setAsDefault },
      {
        onSuccess: (version) => {
          notify(`Version ${version?.versionId ?? ""} created${setAsDefault ? " and set as default" : ""}.`);
          onDone();
        },
      },
    );
  };

  return (
    <Card title="Create a new version">
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <ErrorAlert error={formError(create.error, ["policyDocument"])} />
        <PolicyDocumentInput label="Policy document" value={document} onChange={setDocument} error={create.error} />
        <CheckboxField label="Set as the default version" checked={setAsDefault} onChange={(e) => setSetAsDefault(e.target.checked)} />
        <div className="flex gap-3">
          <Button type="submit" variant="primary" pending={create.isPending}>
            Save version
          </Button>
          <Button onClick={onDone}>Cancel</Button>
        </div>
      </form>
    </Card>
  );
}
