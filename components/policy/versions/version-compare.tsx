"use client";

import { PolicyDiffEditor } from "@/components/editor/policy-diff-editor";
import { ErrorAlert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/field";
import { Card, Skeleton } from "@/components/ui/misc";
import type { PolicyVersion } from "@/lib/queries/types";
import { usePolicyVersionsDiff } from "@/lib/queries/use-policy-versions-diff";
import { PermissionDiff } from "./permission-diff";

export interface Comparison {
  from: string;
  to: string;
}

interface VersionCompareProps {
  accountId: string;
  policyName: string;
  /** Newest first, as ListPolicyVersions answers. */
  versions: PolicyVersion[];
  comparison: Comparison;
  onChange: (comparison: Comparison) => void;
}

const versionLabel = (version: PolicyVersion) => `${version.versionId}${version.isDefault ? " (default)" : ""}`;

/** Two versions side by side: the text (Monaco diff) and what changes in the permissions. */
export function VersionCompare({ accountId, policyName, versions, comparison, onChange }: VersionCompareProps) {
  const diff = usePolicyVersionsDiff(accountId, policyName, comparison.from, comparison.to);
  const from = versions.find((v) => v.versionId === comparison.from);
  const to = versions.find((v) => v.versionId === comparison.to);
  const same = comparison.from === comparison.to;
  const options = versions.map((version) => (
    <option key={version.versionId} value={version.versionId}>
      {versionLabel(version)}
    </option>
  ));
  return (
    <Card title="Compare versions">
      <div className="flex flex-col gap-5">
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="From version" value={comparison.from} onChange={(e) => onChange({ ...comparison, from: e.target.value })}>
            {options}
          </SelectField>
          <SelectField label="To version" value={comparison.to} onChange={(e) => onChange({ ...comparison, to: e.target.value })}>
            {options}
          </SelectField>
        </div>
        <section aria-label="Permission diff" aria-busy={diff.isFetching}>
          <h3 className="mb-2 text-lg font-bold">Permission changes</h3>
          <div aria-live="polite">
            {same ? (
              <p className="text-muted">Choose two different versions to compare.</p>
            ) : diff.error ? (
              <ErrorAlert error={diff.error} />
            ) : diff.data && (diff.data.from.versionId === comparison.from && diff.data.to.versionId === comparison.to) ? (
              <PermissionDiff diff={diff.data} />
            ) : (
              <>
                <p className="sr-only">Comparing the permissions of {comparison.from} and {comparison.to} over the whole catalog…</p>
                <Skeleton className="h-16" />
              </>
            )}
          </div>
        </section>
        {from && to && !same && (
          <section aria-label="Document changes">
            <h3 className="mb-2 text-lg font-bold">Document changes</h3>
            <PolicyDiffEditor original={from.document} modified={to.document} ariaLabel={`Changes from ${from.versionId} to ${to.versionId}`} rows={18} />
          </section>
        )}
      </div>
    </Card>
  );
}
