"use client";

import { useState } from "react";
import { EntityPicker } from "@/components/entity/entity-picker";
import { PolicyTypeBadge } from "@/components/policies/policy-type-badge";
import { formatCount } from "@/components/ui/format";
import type { PolicyScope, PolicySummary } from "@/lib/queries/types";
import { usePoliciesNamed } from "@/lib/queries/use-policies";

interface PolicyPickerProps {
  open: boolean;
  onClose: () => void;
  accountId: string;
  title: string;
  description?: string;
  multiple: boolean;
  confirmLabel: string;
  /** ARNs already attached (or the current boundary). */
  taken?: Set<string>;
  onConfirm: (arns: string[], onProgress: (done: number) => void) => Promise<void>;
}

const SCOPES: { value: PolicyScope; label: string }[] = [
  { value: "All", label: "All" },
  { value: "AWS", label: "AWS managed" },
  { value: "Local", label: "Customer managed" },
];

/** Choose customer and AWS managed policies by searching their names. */
export function PolicyPicker({ accountId, ...rest }: PolicyPickerProps) {
  const [scope, setScope] = useState<PolicyScope>("All");
  const [search, setSearch] = useState("");
  // The search box reports once typing pauses; the exact names come from the list endpoint.
  const pinned = usePoliciesNamed(accountId, search, scope).data ?? [];
  return (
    <EntityPicker<PolicySummary>
      {...rest}
      accountId={accountId}
      kind="policies"
      noun="policies"
      takenLabel="Already attached"
      extraParams={scope === "All" ? {} : { scope }}
      onSearch={setSearch}
      pinned={pinned}
      toOption={(policy) => ({
        value: policy.arn,
        label: policy.policyName,
        detail: (
          <span className="inline-flex items-center gap-2 text-sm text-muted">
            <PolicyTypeBadge awsManaged={policy.awsManaged} />
            {formatCount(policy.attachmentCount)} attached
          </span>
        ),
      })}
      filters={
        <label className="flex items-center gap-2">
          <span className="font-semibold">Type</span>
          <select value={scope} onChange={(event) => setScope(SCOPES.find((s) => s.value === event.target.value)?.value ?? "All")} className="rounded-md border border-line bg-surface px-3 py-2">
            {SCOPES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      }
    />
  );
}
