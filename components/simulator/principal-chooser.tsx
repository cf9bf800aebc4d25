"use client";

import { useId } from "react";
import { useQuery } from "@tanstack/react-query";
import { accountLabel } from "@/components/accounts/account-alias";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField, inputClass } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { seg } from "@/lib/queries/api";
import { getItems } from "@/lib/queries/list";
import { useAccounts } from "@/lib/queries/use-accounts";
import type { SimulationDraft } from "./simulation-url";

type Patch = (change: Partial<SimulationDraft>) => void;

/** Names of the account's users or roles, to pick from (a datalist: any name may still be typed). */
function usePrincipalNames(accountId: string, type: "user" | "role") {
  return useQuery({
    queryKey: ["account", accountId, type === "user" ? "users" : "roles", "names"],
    queryFn: () => getItems<{ userName?: string; roleName?: string }>(`/accounts/${seg(accountId)}/${type}s?pageSize=100`),
    select: (items) => items.map((item) => item.userName ?? item.roleName ?? "").filter(Boolean),
  });
}

function StoredPrincipal({ draft, patch }: { draft: SimulationDraft; patch: Patch }) {
  const accounts = useAccounts();
  // Hydrates after the top bar, whose account switcher may have fetched the list already: until
  // hydrated, render the server's fallback option (React error #418 otherwise).
  const hydrated = useHydrated();
  const names = usePrincipalNames(draft.principal.accountId, draft.principal.type);
  const listId = useId();
  const set = (change: Partial<SimulationDraft["principal"]>) => patch({ principal: { ...draft.principal, ...change } });
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <SelectField label="Account" value={draft.principal.accountId} onChange={(event) => set({ accountId: event.target.value, name: "" })}>
        {((hydrated && accounts.data) || [{ accountId: draft.principal.accountId, alias: draft.principal.accountId }]).map((account) => (
          <option key={account.accountId} value={account.accountId}>
            {accountLabel(account)}
          </option>
        ))}
      </SelectField>
      <SelectField label="Principal type" value={draft.principal.type} onChange={(event) => set({ type: event.target.value === "role" ? "role" : "user", name: "" })}>
        <option value="user">IAM user</option>
        <option value="role">IAM role</option>
      </SelectField>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${listId}-name`} className="font-semibold">
          {draft.principal.type === "user" ? "User name" : "Role name"}
        </label>
        <input id={`${listId}-name`} list={listId} className={inputClass} value={draft.principal.name} onChange={(event) => set({ name: event.target.value })} />
        <datalist id={listId}>
          {(names.data ?? []).map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </div>
      {/* A caller who may not list them can still type a name; the deny says why there are no suggestions. */}
      {names.error && (
        <div className="sm:col-span-3">
          <ErrorAlert error={names.error} />
        </div>
      )}
    </div>
  );
}

function Sandbox({ draft, patch }: { draft: SimulationDraft; patch: Patch }) {
  const policies = draft.identityPolicies;
  return (
    <div className="flex flex-col gap-4">
      <TextField
        label="Principal ARN"
        hint="Whose request it is: a user, role, assumed-role session or account root ARN."
        className="font-mono"
        value={draft.sandboxArn}
        onChange={(event) => patch({ sandboxArn: event.target.value })}
      />
      {policies.map((text, index) => (
        <TextAreaField
          key={index}
          label={`Identity-based policy ${index + 1}`}
          rows={6}
          className="font-mono text-sm"
          value={text}
          placeholder='{"Version": "2012-10-17", "Statement": [ … ]}'
          onChange={(event) => patch({ identityPolicies: policies.map((p, i) => (i === index ? event.target.value : p)) })}
        />
      ))}
      <div>
        <Button size="sm" onClick={() => patch({ identityPolicies: [...policies, ""] })}>
          Add an identity-based policy
        </Button>
      </div>
      <TextAreaField label="Permissions boundary (optional)" rows={4} className="font-mono text-sm" value={draft.boundary} onChange={(event) => patch({ boundary: event.target.value })} />
    </div>
  );
}

export function PrincipalChooser({ draft, patch }: { draft: SimulationDraft; patch: Patch }) {
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-2 text-lg font-bold">Whose request</legend>
      <div role="radiogroup" aria-label="Simulate as" className="flex gap-2">
        {(["principal", "sandbox"] as const).map((mode) => (
          <Button key={mode} role="radio" aria-checked={draft.mode === mode} variant={draft.mode === mode ? "primary" : "secondary"} onClick={() => patch({ mode })}>
            {mode === "principal" ? "A user or role" : "Sandbox: paste policies"}
          </Button>
        ))}
      </div>
      {draft.mode === "principal" ? <StoredPrincipal draft={draft} patch={patch} /> : <Sandbox draft={draft} patch={patch} />}
    </fieldset>
  );
}
