"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { passwordChecklist, type PasswordPolicy } from "@/lib/auth/password-policy";
import { useChangePassword } from "@/lib/queries/use-session";
import { SignInError } from "./sign-in-error";
import { loadAfresh } from "./load-afresh";

const FIELDS = ["oldPassword", "newPassword"];

/**
 * Change password, as the AWS console's page for it: the current password, the new one twice,
 * and the account's password policy as a checklist that follows the typing (the same rules the
 * server enforces: lib/auth/password-policy.ts). A forced change goes on to the page asked for.
 */
export function ChangePasswordForm({ forced, next, policy, userName, root }: { forced: boolean; next: string; policy: PasswordPolicy | null; userName: string | null; root: boolean }) {
  const change = useChangePassword();
  const [oldPassword, setOldPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const checklist = passwordChecklist(newPassword, policy, userName ? { userName } : {});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (newPassword !== confirm) return setMismatch(true);
    setMismatch(false);
    change.mutate({ oldPassword, newPassword }, { onSuccess: () => (forced ? loadAfresh(next) : undefined) });
  };

  const done = change.isSuccess && !forced;
  return (
    <section aria-labelledby="change-password-title" className="mx-auto w-full max-w-xl rounded-xl border border-line bg-surface px-6 py-5 shadow-sm">
      <h1 id="change-password-title" className="text-2xl font-bold">
        {forced ? "Choose a new password" : "Change password"}
      </h1>
      {forced && (
        <p className="mt-2">Your password must be changed before you use the console: an administrator asked for a new one at your next sign-in, or it expired under the account&apos;s password policy.</p>
      )}
      {done ? (
        <div className="mt-4 flex flex-col gap-4">
          <Alert tone="success" title="Password changed">
            Sign in with the new password from now on. Your other sessions stay signed in; sign out everywhere from the identity menu to end them.
          </Alert>
          <Link href={next} className="font-semibold text-brand underline">
            Go back
          </Link>
        </div>
      ) : (
        <form onSubmit={submit} className="mt-4 flex flex-col gap-4" noValidate>
          <TextField label="Current password" type="password" autoComplete="current-password" required value={oldPassword} onChange={(e) => setOldPassword(e.target.value)} error={fieldError(change.error, "oldPassword")} />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
            error={fieldError(change.error, "newPassword")}
          />
          <div>
            <p className="font-semibold">{root ? "The root user's password must have" : policy ? "The account's password policy asks for" : "AWS's default password policy asks for"}</p>
            <ul className="mt-1 flex flex-col gap-1">
              {checklist.map((rule) => (
                <li key={rule.text} className={`flex items-center gap-2 ${rule.met ? "text-success" : "text-muted"}`}>
                  <span aria-hidden="true">{rule.met ? "✓" : "○"}</span>
                  {rule.text}
                  <span className="sr-only">{rule.met ? "(met)" : "(not met yet)"}</span>
                </li>
              ))}
              {policy?.PasswordReusePrevention && (
                <li className="flex items-center gap-2 text-muted">
                  <span aria-hidden="true">○</span>
                  Not one of your last {policy.PasswordReusePrevention} passwords (checked when you save)
                </li>
              )}
            </ul>
          </div>
          <TextField
            label="Confirm new password"
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            error={mismatch ? "The two new passwords differ." : undefined}
          />
          <SignInError error={formError(change.error, FIELDS)} />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" variant="primary" pending={change.isPending}>
              {change.isPending ? "Changing password…" : "Change password"}
            </Button>
            {!forced && (
              <Link href={next} className="inline-flex items-center px-2 font-semibold text-brand underline">
                Cancel
              </Link>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
