"use client";

import Link from "next/link";
import { useState } from "react";
import { EntityListView } from "@/components/list/entity-list-view";
import type { Column } from "@/components/list/resource-table";
import { PermittedLink } from "@/components/ui/permitted";
import { formatCount, formatDateTime } from "@/components/ui/format";
import { EmptyState } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";
import { createCheck } from "@/lib/queries/permission-checks";
import type { PolicyScope, PolicySummary } from "@/lib/queries/types";
import { PolicyTypeBadge } from "./policy-type-badge";

const SORT_KEYS = ["name", "attachments", "created", "updated"] as const;

const SCOPES: { value: PolicyScope; label: string }[] = [
  { value: "All", label: "All types" },
  { value: "AWS", label: "AWS managed" },
  { value: "Local", label: "Customer managed" },
];

const toScope = (value: string | null): PolicyScope => SCOPES.find((s) => s.value === value)?.value ?? "All";

export function PoliciesList({ accountId }: { accountId: string }) {
  const columns: Column<PolicySummary>[] = [
    {
      header: "Policy name",
      sortKey: "name",
      render: (policy) => (
        <Link href={paths.policy(accountId, policy.policyName)} className="font-semibold wrap-break-word text-brand hover:underline">
          {policy.policyName}
        </Link>
      ),
    },
    { header: "Type", render: (policy) => <PolicyTypeBadge awsManaged={policy.awsManaged} /> },
    { header: "Attached entities", sortKey: "attachments", render: (policy) => formatCount(policy.attachmentCount), className: "text-right" },
    // AWS managed policies carry no description in the package: their cell stays empty.
    { header: "Description", render: (policy) => policy.description && <span className="line-clamp-2 text-muted">{policy.description}</span> },
    { header: "Updated", sortKey: "updated", render: (policy) => formatDateTime(policy.updatedAt) },
  ];

  return (
    <EntityListView<PolicySummary>
      accountId={accountId}
      kind="policies"
      noun="policies"
      sortKeys={SORT_KEYS}
      defaultSort="name"
      columns={columns}
      rowKey={(policy) => policy.arn}
      extraParams={(state): Record<string, string> => {
        const scope = toScope(state.get("scope"));
        return scope === "All" ? {} : { scope };
      }}
      filters={(state, update) => (
        <ScopeFilter value={toScope(state.get("scope"))} onChange={(scope) => update({ scope: scope === "All" ? null : scope })} />
      )}
      empty={
        <EmptyState title="No policies yet — create the first one" action={<PermittedLink href={paths.newPolicy(accountId)} variant="primary" check={createCheck(accountId, "policy")}>Create policy</PermittedLink>}>
          A managed policy is a permissions document you can attach to users, groups and roles.
        </EmptyState>
      }
    />
  );
}

/**
 * All / AWS managed / Customer managed, as a radio group that looks like a segmented control.
 * The radios cover their labels transparently, so they stay clickable and visible to tests.
 */
function ScopeFilter({ value, onChange }: { value: PolicyScope; onChange: (scope: PolicyScope) => void }) {
  // Checked at once on click; the URL (and so `value`) follows a moment later.
  const [shown, setShown] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    setShown(value);
  }
  const choose = (scope: PolicyScope) => {
    setShown(scope);
    onChange(scope);
  };
  return (
    <fieldset className="flex overflow-hidden rounded-md border border-line bg-surface">
      <legend className="sr-only">Policy type</legend>
      {SCOPES.map((scope) => (
        <label
          key={scope.value}
          className={`relative cursor-pointer border-r border-line px-4 py-2 font-semibold last:border-r-0 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand ${
            shown === scope.value ? "bg-brand text-white" : "text-ink hover:bg-subtle"
          }`}
        >
          <input type="radio" name="policy-scope" value={scope.value} checked={shown === scope.value} onChange={() => choose(scope.value)} className="absolute inset-0 cursor-pointer opacity-0" />
          {scope.label}
        </label>
      ))}
    </fieldset>
  );
}
