"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ApiError } from "@/lib/queries/api";
import { useSignIn } from "@/lib/queries/use-session";
import type { DemoSignIn, SessionView, SignInBody } from "@/lib/schemas/session";
import { CredentialsForm, type Credentials } from "./credentials-form";
import { DemoChoices } from "./demo-choices";
import { MfaStep } from "./mfa-step";
import { loadAfresh } from "./load-afresh";

/**
 * Sign-in in two steps, as the AWS console: credentials (an IAM user, or the root user), then the
 * MFA code when the principal has a device. Success loads the page the visitor asked for afresh
 * (or /change-password first when a new password is due): every answer cached so far was given to
 * nobody.
 */
export function SignInPanel({ next, expired, demo }: { next: string; expired: boolean; demo: DemoSignIn[] }) {
  const signIn = useSignIn();
  /** The credentials the MFA step completes; null while on the first step. */
  const [awaitingMfa, setAwaitingMfa] = useState<SignInBody | null>(null);
  const [credentials, setCredentials] = useState<Credentials>({ kind: "user", account: "", userName: "", rootEmail: "", password: "" });

  const arrive = (view: SessionView) => {
    loadAfresh(view.mustChangePassword ? `/change-password?next=${encodeURIComponent(next)}` : next);
  };

  const submit = (body: SignInBody) => {
    signIn.reset();
    signIn.mutate(body, {
      onSuccess: arrive,
      onError: (error) => {
        if (error instanceof ApiError && error.code === "MfaRequired") setAwaitingMfa(body);
      },
    });
  };

  const bodyOf = (c: Credentials): SignInBody =>
    c.kind === "root" ? { rootEmail: c.rootEmail, password: c.password } : { account: c.account, userName: c.userName, password: c.password };

  const chooseDemo = (person: DemoSignIn) => {
    const chosen: Credentials = {
      kind: person.kind,
      account: person.kind === "user" ? person.alias : "",
      userName: person.userName ?? "",
      rootEmail: person.rootEmail ?? "",
      password: person.password,
    };
    setCredentials(chosen);
    submit(bodyOf(chosen));
  };

  // The MFA step's own question is not an error; a wrong code is.
  const error = signIn.error instanceof ApiError && signIn.error.code === "MfaRequired" ? null : signIn.error;

  return (
    <div className={`grid gap-8 ${demo.length > 0 && !awaitingMfa ? "lg:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]" : "justify-center"}`}>
      <section aria-labelledby="sign-in-title" className="w-full max-w-md rounded-xl border border-line bg-surface px-6 py-5 shadow-sm">
        <h1 id="sign-in-title" className="text-2xl font-bold">
          {awaitingMfa ? "Multi-factor authentication" : "Sign in"}
        </h1>
        <div className="mt-4 flex flex-col gap-4">
          {expired && !awaitingMfa && (
            <Alert tone="warning" title="Your session has ended">
              Sessions end after 8 hours without use, 12 hours in all, or when you sign out elsewhere. Sign in again to go on where you were.
            </Alert>
          )}
          {awaitingMfa ? (
            <MfaStep
              pending={signIn.isPending}
              error={error}
              onSubmit={(mfaCode) => submit({ ...awaitingMfa, mfaCode })}
              onCancel={() => {
                signIn.reset();
                setAwaitingMfa(null);
              }}
            />
          ) : (
            <CredentialsForm value={credentials} onChange={setCredentials} pending={signIn.isPending} error={error} onSubmit={() => submit(bodyOf(credentials))} />
          )}
        </div>
      </section>
      {demo.length > 0 && !awaitingMfa && <DemoChoices people={demo} pending={signIn.isPending} onChoose={chooseDemo} />}
    </div>
  );
}
