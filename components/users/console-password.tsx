"use client";

import { useState, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/entity/confirm-dialog";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PermittedButton } from "@/components/ui/permitted";
import { Dialog } from "@/components/ui/dialog";
import { CheckboxField, TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { formatDateTime } from "@/components/ui/format";
import { Badge, Card } from "@/components/ui/misc";
import { passwordChecklist } from "@/lib/auth/password-policy";
import { useToast } from "@/components/ui/toast";
import type { User } from "@/lib/queries/types";
import { useDeleteLoginProfile, usePutLoginProfile, useRevokeSessions, useUnlockSignIn } from "@/lib/queries/use-credentials";
import { usePasswordPolicy } from "@/lib/queries/use-password-policy";


export function ConsolePassword({ accountId, user }: { accountId: string; user: User }) {
  const notify = useToast();
  const remove = useDeleteLoginProfile(accountId, user.userName);
  const revoke = useRevokeSessions(accountId, user.userName);
  const unlock = useUnlockSignIn(accountId, user.userName);
  const manage = { account: accountId, action: "iam:UpdateLoginProfile", resource: user.arn };
  const [setting, setSetting] = useState(false);
  const [removing, setRemoving] = useState(false);

  return (
    <Card
      title="Console sign-in"
      actions={
        <>
          <PermittedButton
            variant="primary"
            check={{ account: accountId, action: user.hasPassword ? "iam:UpdateLoginProfile" : "iam:CreateLoginProfile", resource: user.arn }}
            onClick={() => setSetting(true)}
          >
            {user.hasPassword ? "Reset password" : "Enable console access"}
          </PermittedButton>
          {user.hasPassword && (
            <PermittedButton check={{ account: accountId, action: "iam:DeleteLoginProfile", resource: user.arn }} onClick={() => setRemoving(true)}>
              Remove console access
            </PermittedButton>
          )}
        </>
      }
    >
      {user.hasPassword ? (
        <p className="flex flex-wrap items-center gap-3">
          <Badge tone="success">Console access enabled</Badge>
          <span className="text-muted">Password set {formatDateTime(user.passwordSetAt)}</span>
          {user.passwordResetRequired && <Badge tone="warn">Must change password at next sign-in</Badge>}
        </p>
      ) : (
        <p className="text-muted">Console access is disabled: {user.userName} has no password.</p>
      )}
      {user.hasPassword && (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <PermittedButton
            check={manage}
            pending={revoke.isPending}
            onClick={() =>
              revoke.mutate(undefined, {
                onSuccess: ({ sessionsEnded }) => notify(sessionsEnded === 1 ? `Ended 1 console session of ${user.userName}.` : `Ended ${sessionsEnded} console sessions of ${user.userName}.`),
              })
            }
          >
            Sign out everywhere
          </PermittedButton>
          <PermittedButton
            check={manage}
            pending={unlock.isPending}
            onClick={() =>
              unlock.mutate(undefined, {
                onSuccess: ({ wasLocked }) => notify(wasLocked ? `${user.userName} may sign in again.` : `${user.userName} was not locked; their failed sign-ins are forgotten.`),
              })
            }
          >
            Unlock sign-in
          </PermittedButton>
        </div>
      )}
      {(revoke.error || unlock.error) && <ErrorAlert error={revoke.error ?? unlock.error} />}
      {setting && <PasswordDialog accountId={accountId} user={user} onClose={() => setSetting(false)} />}
      <ConfirmDialog
        open={removing}
        onClose={() => {
          remove.reset();
          setRemoving(false);
        }}
        title="Remove console access?"
        confirmLabel="Remove console access"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              notify(`Console access removed for ${user.userName}.`);
              setRemoving(false);
            },
          })
        }
      >
        <p>The password is deleted; {user.userName} can no longer sign in to the console. Access keys keep working.</p>
      </ConfirmDialog>
    </Card>
  );
}

function PasswordDialog({ accountId, user, onClose }: { accountId: string; user: User; onClose: () => void }) {
  const notify = useToast();
  const put = usePutLoginProfile(accountId, user.userName);
  const [password, setPassword] = useState("");
  const [resetRequired, setResetRequired] = useState(true);
  const policy = usePasswordPolicy(accountId);
  // The account's password policy (AWS's default when it has none) as a live checklist, when the
  // caller may read it (iam:GetAccountPasswordPolicy); the server checks every password anyway.
  const rules = policy.data ? passwordChecklist(password, policy.data.passwordPolicy, { userName: user.userName }) : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    put.mutate(
      { password, passwordResetRequired: resetRequired },
      {
        onSuccess: () => {
          notify(user.hasPassword ? `Password reset for ${user.userName}.` : `Console access enabled for ${user.userName}.`);
          onClose();
        },
      },
    );
  };

  return (
    <Dialog open onClose={onClose} title={user.hasPassword ? `Reset password for ${user.userName}` : `Enable console access for ${user.userName}`}>
      <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
        <ErrorAlert error={formError(put.error, ["password"])} />
        <TextField label="Console password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} error={fieldError(put.error, "password")} required />
        <ul className="flex flex-col gap-1" aria-label="Password rules">
          {rules.map((rule) => (
            <li key={rule.text} className={rule.met ? "text-success" : "text-muted"}>
              <span aria-hidden="true">{rule.met ? "✓" : "○"}</span> {rule.text}
              <span className="sr-only">{rule.met ? " (met)" : " (not met)"}</span>
            </li>
          ))}
        </ul>
        <CheckboxField label="User must create a new password at next sign-in" checked={resetRequired} onChange={(e) => setResetRequired(e.target.checked)} />
        <div className="flex justify-end gap-3">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" pending={put.isPending}>
            {user.hasPassword ? "Reset password" : "Enable console access"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
