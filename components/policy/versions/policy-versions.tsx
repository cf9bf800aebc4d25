"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/entity/confirm-dialog";
import { ErrorAlert } from "@/components/ui/alert";
import { PermittedButton } from "@/components/ui/permitted";
import { Card, Skeleton } from "@/components/ui/misc";
import { useToast } from "@/components/ui/toast";
import type { Policy, PolicyVersion } from "@/lib/queries/types";
import { useDeletePolicyVersion, usePolicyVersions, useSetDefaultPolicyVersion } from "@/lib/queries/use-policies";
import { CreateVersionForm, MAX_VERSIONS } from "./create-version-form";
import { VersionCompare, type Comparison } from "./version-compare";
import { VersionItem } from "./version-item";

/** Until someone picks, compare the two newest versions (newest first in the list). */
function defaultComparison(versions: PolicyVersion[]): Comparison | null {
  return versions.length < 2 ? null : { from: versions[1].versionId, to: versions[0].versionId };
}

/**
 * A managed policy's versions: up to five, one default. Saving creates a version (and can make
 * it the default); any version can be viewed, made the default again (rollback), compared with
 * another — text and permissions — or deleted, except the default.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html
 */
export function PolicyVersions({ accountId, policy }: { accountId: string; policy: Policy }) {
  const notify = useToast();
  const versions = usePolicyVersions(accountId, policy.policyName);
  const setDefault = useSetDefaultPolicyVersion(accountId, policy.policyName);
  const remove = useDeletePolicyVersion(accountId, policy.policyName);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<PolicyVersion | null>(null);
  const [picked, setPicked] = useState<Comparison | null>(null);
  const readOnly = policy.awsManaged;
  const list = versions.data ?? [];
  const exists = (id: string) => list.some((v) => v.versionId === id);
  const comparison = picked && exists(picked.from) && exists(picked.to) ? picked : defaultComparison(list);

  const makeDefault = (version: PolicyVersion) => {
    const previous = policy.defaultVersionId;
    setDefault.mutate(version.versionId, {
      onSuccess: () => {
        notify(`${version.versionId} is now the default version.`);
        setPicked({ from: previous, to: version.versionId });
      },
    });
  };

  const created = (version: PolicyVersion, asDefault: boolean) => {
    notify(`Version ${version.versionId} created${asDefault ? " and set as default" : ""}.`);
    setPicked({ from: policy.defaultVersionId, to: version.versionId });
    setCreating(false);
  };

  return (
    <div className="flex flex-col gap-6">
      <Card
        title={`Policy versions${versions.data ? ` (${versions.data.length} of ${MAX_VERSIONS})` : ""}`}
        actions={
          !readOnly &&
          !creating && (
            <PermittedButton variant="primary" check={{ account: accountId, action: "iam:CreatePolicyVersion", resource: policy.arn }} disabled={!versions.data} onClick={() => setCreating(true)}>
              Create version
            </PermittedButton>
          )
        }
      >
        <div className="flex flex-col gap-4">
          <ErrorAlert error={setDefault.error} />
          {versions.error ? (
            <ErrorAlert error={versions.error} />
          ) : !versions.data ? (
            <Skeleton className="h-24" />
          ) : (
            <ul className="flex flex-col gap-3" aria-label="Versions">
              {versions.data.map((version) => (
                <VersionItem
                  key={version.versionId}
                  version={version}
                  readOnly={readOnly}
                  settingDefault={setDefault.isPending && setDefault.variables === version.versionId}
                  onSetDefault={() => makeDefault(version)}
                  onDelete={() => setDeleting(version)}
                  onCompare={() => setPicked({ from: policy.defaultVersionId, to: version.versionId })}
                />
              ))}
            </ul>
          )}
        </div>
      </Card>
      {creating && versions.data && (
        <CreateVersionForm accountId={accountId} policy={policy} versions={versions.data} onCreated={created} onCancel={() => setCreating(false)} />
      )}
      {comparison && <VersionCompare accountId={accountId} policyName={policy.policyName} versions={list} comparison={comparison} onChange={setPicked} />}
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
