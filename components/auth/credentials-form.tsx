"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { SignInError } from "./sign-in-error";

export interface Credentials {
  kind: "user" | "root";
  account: string;
  userName: string;
  rootEmail: string;
  password: string;
}

const FIELDS = ["account", "userName", "rootEmail", "password"];

/** The first step: who signs in (an IAM user or the root user), in the AWS sign-in page's words. */
export function CredentialsForm({
  value,
  onChange,
  onSubmit,
  pending,
  error,
}: {
  value: Credentials;
  onChange: (value: Credentials) => void;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
}) {
  const set = (part: Partial<Credentials>) => onChange({ ...value, ...part });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <fieldset className="flex flex-wrap gap-x-6 gap-y-2">
        <legend className="mb-2 font-semibold">Sign in as</legend>
        {(["user", "root"] as const).map((kind) => (
          <label key={kind} className="flex items-center gap-2">
            <input type="radio" name="kind" value={kind} checked={value.kind === kind} onChange={() => set({ kind })} className="size-5 accent-brand" />
            {kind === "user" ? "IAM user" : "Root user"}
          </label>
        ))}
      </fieldset>
      {value.kind === "user" ? (
        <>
          <TextField
            label="Account ID (12 digits) or account alias"
            name="account"
            autoComplete="organization"
            required
            value={value.account}
            onChange={(event) => set({ account: event.target.value })}
            error={fieldError(error, "account")}
          />
          <TextField
            label="IAM user name"
            name="userName"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={value.userName}
            onChange={(event) => set({ userName: event.target.value })}
            error={fieldError(error, "userName")}
          />
        </>
      ) : (
        <TextField
          label="Root user email address"
          name="rootEmail"
          type="email"
          autoComplete="username"
          required
          value={value.rootEmail}
          onChange={(event) => set({ rootEmail: event.target.value })}
          error={fieldError(error, "rootEmail")}
        />
      )}
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={value.password}
        onChange={(event) => set({ password: event.target.value })}
        error={fieldError(error, "password")}
      />
      <SignInError error={formError(error, FIELDS)} />
      <Button type="submit" variant="primary" pending={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
