"use client";

import { useState, type FormEvent } from "react";
import { AccessDenied, isAccessDenied } from "@/components/ui/access-denied";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { Card, Skeleton } from "@/components/ui/misc";
import { PermittedButton } from "@/components/ui/permitted";
import { useToast } from "@/components/ui/toast";
import type { PasswordPolicy } from "@/lib/auth/password-policy";
import type { PasswordPolicyView } from "@/lib/schemas/password-policy";
import { useDeletePasswordPolicy, usePasswordPolicy, useUpdatePasswordPolicy } from "@/lib/queries/use-password-policy";

/**
 * The account password policy (UpdateAccountPasswordPolicy's settings): minimum length, the four
 * character kinds, expiry, reuse prevention, whether users may change their own password, and
 * whether an expired password needs an administrator. Edits stay in the form until saved; a save
 * that fails keeps them, with each error next to its field.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 */

interface Form {
  minimumLength: string;
  upper: boolean;
  lower: boolean;
  numbers: boolean;
  symbols: boolean;
  expires: boolean;
  maxAge: string;
  preventReuse: boolean;
  reuseCount: string;
  allowChange: boolean;
  hardExpiry: boolean;
}

type NumberField = "MinimumPasswordLength" | "MaxPasswordAge" | "PasswordReusePrevention";
const FIELDS: NumberField[] = ["MinimumPasswordLength", "MaxPasswordAge", "PasswordReusePrevention"];

/** The form for a stored policy; for AWS's default, a custom starting point close to it. */
function formOf(view: PasswordPolicyView): Form {
  const p = view.passwordPolicy;
  if (p === null) {
    return { minimumLength: "8", upper: true, lower: true, numbers: true, symbols: false, expires: false, maxAge: "90", preventReuse: false, reuseCount: "5", allowChange: false, hardExpiry: false };
  }
  return {
    minimumLength: String(p.MinimumPasswordLength),
    upper: p.RequireUppercaseCharacters,
    lower: p.RequireLowercaseCharacters,
    numbers: p.RequireNumbers,
    symbols: p.RequireSymbols,
    expires: p.MaxPasswordAge !== undefined,
    maxAge: String(p.MaxPasswordAge ?? 90),
    preventReuse: p.PasswordReusePrevention !== undefined,
    reuseCount: String(p.PasswordReusePrevention ?? 5),
    allowChange: p.AllowUsersToChangePassword,
    hardExpiry: p.HardExpiry,
  };
}

const whole = (text: string, min: number, max: number, what: string): number | string => {
  const value = Number(text.trim());
  return text.trim() !== "" && Number.isInteger(value) && value >= min && value <= max ? value : `${what} must be a whole number from ${min} to ${max}.`;
};

/** The policy the form describes, or each number field's problem (UpdateAccountPasswordPolicy's bounds). */
function policyOf(form: Form): { policy: PasswordPolicy; errors: Partial<Record<NumberField, string>> } {
  const length = whole(form.minimumLength, 6, 128, "Minimum password length");
  const age = form.expires ? whole(form.maxAge, 1, 1095, "Days until a password expires") : undefined;
  const reuse = form.preventReuse ? whole(form.reuseCount, 1, 24, "Passwords remembered") : undefined;
  const errors: Partial<Record<NumberField, string>> = {};
  if (typeof length === "string") errors.MinimumPasswordLength = length;
  if (typeof age === "string") errors.MaxPasswordAge = age;
  if (typeof reuse === "string") errors.PasswordReusePrevention = reuse;
  const policy: PasswordPolicy = {
    MinimumPasswordLength: typeof length === "number" ? length : 6,
    RequireUppercaseCharacters: form.upper,
    RequireLowercaseCharacters: form.lower,
    RequireNumbers: form.numbers,
    RequireSymbols: form.symbols,
    AllowUsersToChangePassword: form.allowChange,
    HardExpiry: form.expires && form.hardExpiry,
    ...(typeof age === "number" ? { MaxPasswordAge: age } : {}),
    ...(typeof reuse === "number" ? { PasswordReusePrevention: reuse } : {}),
  };
  return { policy, errors };
}

export function PasswordPolicyEditor({ accountId }: { accountId: string }) {
  const view = usePasswordPolicy(accountId);
  return (
    <Card title="Password policy">
      {view.error ? (
        isAccessDenied(view.error) ? <AccessDenied error={view.error} /> : <ErrorAlert error={view.error} />
      ) : view.data ? (
        <PolicyForm accountId={accountId} view={view.data} />
      ) : (
        <Skeleton className="h-80" />
      )}
    </Card>
  );
}

function PolicyForm({ accountId, view }: { accountId: string; view: PasswordPolicyView }) {
  const notify = useToast();
  const update = useUpdatePasswordPolicy(accountId);
  const reset = useDeletePasswordPolicy(accountId);
  const saved = formOf(view);
  const [form, setForm] = useState(saved);
  const [submitted, setSubmitted] = useState(false);
  // The saved policy changed (a save, a reset, another administrator): show it, adjusting state during render.
  // https://react.dev/learn/you-might-not-need-an-effect#adjusting-some-state-when-a-prop-changes
  const [shownView, setShownView] = useState(view);
  if (JSON.stringify(view) !== JSON.stringify(shownView)) {
    setShownView(view);
    setForm(saved);
    setSubmitted(false);
  }
  const set = (change: Partial<Form>) => setForm({ ...form, ...change });
  const { policy, errors } = policyOf(form);
  const errorOf = (field: NumberField) => (submitted ? errors[field] : undefined) ?? fieldError(update.error, field);
  const edited = JSON.stringify(form) !== JSON.stringify(saved);
  const check = (action: string) => ({ account: accountId, action, resource: "*" });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length > 0) return;
    update.mutate(policy, { onSuccess: () => notify("Password policy saved. It applies to every password set from now on.") });
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-5" noValidate aria-label="Password policy">
      <Alert tone="info" title={view.usesAwsDefault ? "AWS's default password policy applies" : "A custom password policy applies"}>
        <p>Every console password of an IAM user set from now on must have:</p>
        <ul className="my-1 list-disc pl-6">
          {view.rules.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
        <p>The policy does not apply to the root user, whose password follows AWS&apos;s own rules.</p>
      </Alert>
      <ErrorAlert error={formError(update.error ?? reset.error, FIELDS)} />
      <TextField
        label="Minimum password length"
        hint="6 to 128 characters."
        type="number"
        inputMode="numeric"
        min={6}
        max={128}
        className="max-w-32"
        value={form.minimumLength}
        onChange={(e) => set({ minimumLength: e.target.value })}
        error={errorOf("MinimumPasswordLength")}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">Require at least one</legend>
        <CheckboxField label="Upper-case letter (A–Z)" checked={form.upper} onChange={(e) => set({ upper: e.target.checked })} />
        <CheckboxField label="Lower-case letter (a–z)" checked={form.lower} onChange={(e) => set({ lower: e.target.checked })} />
        <CheckboxField label="Number (0–9)" checked={form.numbers} onChange={(e) => set({ numbers: e.target.checked })} />
        <CheckboxField label="Symbol (one of ! @ # $ % ^ & * ( ) _ + - = [ ] { } | ')" checked={form.symbols} onChange={(e) => set({ symbols: e.target.checked })} />
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 font-semibold">Expiry</legend>
        <CheckboxField label="Passwords expire" checked={form.expires} onChange={(e) => set({ expires: e.target.checked })} />
        {form.expires && (
          <div className="flex flex-col gap-3 pl-7">
            <TextField label="Days until a password expires" hint="1 to 1,095 days." type="number" inputMode="numeric" min={1} max={1095} className="max-w-32" value={form.maxAge} onChange={(e) => set({ maxAge: e.target.value })} error={errorOf("MaxPasswordAge")} />
            <CheckboxField label="Only an administrator can reset an expired password (hard expiry)" checked={form.hardExpiry} onChange={(e) => set({ hardExpiry: e.target.checked })} />
          </div>
        )}
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 font-semibold">Reuse</legend>
        <CheckboxField label="Prevent password reuse" checked={form.preventReuse} onChange={(e) => set({ preventReuse: e.target.checked })} />
        {form.preventReuse && (
          <div className="pl-7">
            <TextField label="Previous passwords remembered" hint="1 to 24: a new password may not be any of them." type="number" inputMode="numeric" min={1} max={24} className="max-w-32" value={form.reuseCount} onChange={(e) => set({ reuseCount: e.target.value })} error={errorOf("PasswordReusePrevention")} />
          </div>
        )}
      </fieldset>
      <CheckboxField label="Allow users to change their own password" checked={form.allowChange} onChange={(e) => set({ allowChange: e.target.checked })} />
      <div className="flex flex-wrap items-center gap-3">
        <PermittedButton type="submit" variant="primary" pending={update.isPending} check={check("iam:UpdateAccountPasswordPolicy")}>
          Save password policy
        </PermittedButton>
        {!view.usesAwsDefault && (
          <PermittedButton
            pending={reset.isPending}
            check={check("iam:DeleteAccountPasswordPolicy")}
            onClick={() => reset.mutate(undefined, { onSuccess: () => notify("AWS's default password policy applies again.") })}
          >
            Use AWS&apos;s default policy
          </PermittedButton>
        )}
        {edited && (
          <>
            <span className="text-sm text-muted" role="status">Unsaved changes</span>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                setForm(saved);
                setSubmitted(false);
              }}
            >
              Discard changes
            </Button>
          </>
        )}
      </div>
    </form>
  );
}
