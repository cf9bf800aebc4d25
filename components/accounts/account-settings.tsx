"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { accountSettingsChanges, savedAccountSettings } from "@/components/accounts/account-settings-changes";
import { PasswordPolicyEditor } from "@/components/accounts/password-policy-editor";
import { TypedConfirm } from "@/components/entity/typed-confirm";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { plural } from "@/components/ui/format";
import { Card, PageHeader, Skeleton } from "@/components/ui/misc";
import { useToast } from "@/components/ui/toast";
import { paths } from "@/components/shell/paths";
import type { Account } from "@/lib/queries/types";
import { useAccount, useDeleteAccount, useUpdateAccount } from "@/lib/queries/use-accounts";

export function AccountSettings({ accountId }: { accountId: string }) {
  const account = useAccount(accountId);
  return (
    <>
      <PageHeader title="Account settings" description={<span className="font-mono">{accountId}</span>} />
      {account.error ? (
        <ErrorAlert error={account.error} />
      ) : account.data ? (
        <div className="flex max-w-3xl flex-col gap-6">
          <RenameForm account={account.data} />
          <PasswordPolicyEditor accountId={accountId} />
          <DeleteAccount account={account.data} />
        </div>
      ) : (
        <Skeleton className="h-64 max-w-3xl" />
      )}
    </>
  );
}

function RenameForm({ account }: { account: Account }) {
  const notify = useToast();
  const update = useUpdateAccount(account.accountId);
  const saved = savedAccountSettings(account);
  const [form, setForm] = useState(saved);
  // The saved values changed (a save, a refetch): show them, adjusting state during render.
  // https://react.dev/learn/you-might-not-need-an-effect#adjusting-some-state-when-a-prop-changes
  const [shownSaved, setShownSaved] = useState(saved);
  if (saved.alias !== shownSaved.alias || saved.displayName !== shownSaved.displayName || saved.rootEmail !== shownSaved.rootEmail) {
    setShownSaved(saved);
    setForm(saved);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Only what changed: after DeleteAccountAlias the alias field is empty and is not sent.
    const changes = accountSettingsChanges(saved, form);
    if (changes) update.mutate(changes, { onSuccess: () => notify("Account settings saved.") });
  };

  return (
    <Card title="Alias and display name">
      <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
        <ErrorAlert error={formError(update.error, ["alias", "displayName", "rootEmail"])} />
        <TextField
          label="Account alias"
          hint={
            saved.alias === ""
              ? "This account has no alias: it is known by its ID. Enter one to create it."
              : form.alias.trim() === ""
                ? "An empty alias is not saved: the account keeps its alias (DeleteAccountAlias removes it)."
                : undefined
          }
          value={form.alias}
          onChange={(e) => setForm({ ...form, alias: e.target.value })}
          error={fieldError(update.error, "alias")}
        />
        <TextField label="Display name" value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} error={fieldError(update.error, "displayName")} />
        <TextField label="Root user email" type="email" value={form.rootEmail} onChange={(e) => setForm({ ...form, rootEmail: e.target.value })} error={fieldError(update.error, "rootEmail")} />
        <div>
          <Button type="submit" variant="primary" pending={update.isPending}>
            Save changes
          </Button>
        </div>
      </form>
    </Card>
  );
}

function DeleteAccount({ account }: { account: Account }) {
  const router = useRouter();
  const notify = useToast();
  const remove = useDeleteAccount(account.accountId);
  const [open, setOpen] = useState(false);
  const { users, groups, roles, policies } = account.counts;
  const empty = users + groups + roles + policies === 0;

  return (
    <Card title="Delete account" className="border-danger/40">
      <div className="flex flex-col gap-4">
        <p>An account can be deleted only when it holds no users, groups, roles or customer managed policies.</p>
        {!empty && (
          <Alert tone="warning" title="This account is not empty">
            It still has {plural(users, "user")}, {plural(groups, "group")}, {plural(roles, "role")} and {plural(policies, "customer managed policy", "customer managed policies")}.
          </Alert>
        )}
        <div>
          <Button variant="danger" onClick={() => setOpen(true)}>
            Delete
          </Button>
        </div>
      </div>
      <TypedConfirm
        open={open}
        onClose={() => {
          remove.reset();
          setOpen(false);
        }}
        title={`Delete account ${account.alias}?`}
        confirmText={account.alias}
        confirmLabel="Delete account"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              notify(`Account ${account.alias} deleted.`);
              router.push(paths.home());
            },
          })
        }
      >
        <p>This permanently removes the account and its change history.</p>
      </TypedConfirm>
    </Card>
  );
}
