"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { useToast } from "@/components/ui/toast";
import { useFieldRule } from "@/components/ui/use-field-rule";
import { paths } from "@/components/shell/paths";
import { useCreateAccount } from "@/lib/queries/use-accounts";
import { accountAlias } from "@/lib/schemas/common";

const FIELDS = ["alias", "displayName", "rootEmail", "accountId"];

export function CreateAccountButton({ variant = "primary" }: { variant?: "primary" | "secondary" }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        Create account
      </Button>
      <CreateAccountDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function CreateAccountDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const router = useRouter();
  const notify = useToast();
  const create = useCreateAccount();
  const [form, setForm] = useState({ alias: "", displayName: "", rootEmail: "", accountId: "" });
  // AWS's alias rule, checked as typed with the schema the API validates with.
  const aliasRule = useFieldRule(accountAlias, form.alias);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });

  const close = () => {
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { accountId, ...rest } = form;
    create.mutate(
      { ...rest, ...(accountId.trim() ? { accountId: accountId.trim() } : {}) },
      {
        onSuccess: (account) => {
          notify(`Account ${account.alias} created.`);
          setForm({ alias: "", displayName: "", rootEmail: "", accountId: "" });
          close();
          router.push(paths.account(account.accountId));
        },
      },
    );
  };

  return (
    <Dialog open={open} onClose={close} title="Create account" description="An AWS-style account holds its own users, groups, roles and policies.">
      <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
        <ErrorAlert error={formError(create.error, FIELDS)} />
        <TextField label="Account alias" hint="3–63 lower-case letters, digits and hyphens, e.g. acme-prod." value={form.alias} onChange={set("alias")} error={aliasRule.error ?? fieldError(create.error, "alias")} required autoFocus />
        <TextField label="Display name" value={form.displayName} onChange={set("displayName")} error={fieldError(create.error, "displayName")} required />
        <TextField label="Root user email" type="email" value={form.rootEmail} onChange={set("rootEmail")} error={fieldError(create.error, "rootEmail")} required />
        <TextField label="Account ID (optional)" hint="12 digits. Leave empty to generate one." inputMode="numeric" value={form.accountId} onChange={set("accountId")} error={fieldError(create.error, "accountId")} />
        <div className="flex justify-end gap-3">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" pending={create.isPending}>
            Create account
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
