"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { SignInError } from "./sign-in-error";

/** The second step: the code the principal's virtual MFA device shows now (6 digits, new every 30 s). */
export function MfaStep({ onSubmit, onCancel, pending, error }: { onSubmit: (code: string) => void; onCancel: () => void; pending: boolean; error: unknown }) {
  const [code, setCode] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(code.replace(/\s/g, ""));
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <p>Enter the code from the authenticator app of your MFA device to finish signing in.</p>
      <TextField
        label="MFA code"
        name="mfaCode"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={7}
        required
        autoFocus
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={fieldError(error, "mfaCode")}
        hint="6 digits"
      />
      <SignInError error={formError(error, ["mfaCode"])} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="primary" pending={pending}>
          {pending ? "Signing in…" : "Submit"}
        </Button>
        <Button onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
