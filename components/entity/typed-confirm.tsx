"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";

interface TypedConfirmProps {
  open: boolean;
  onClose: () => void;
  title: string;
  /** What the person must type to enable the button, as the AWS console asks. */
  confirmText: string;
  confirmLabel: string;
  pending: boolean;
  error?: unknown;
  onConfirm: () => void;
  children?: ReactNode;
}

/** A destructive action that needs the entity's name typed first. */
export function TypedConfirm({ open, onClose, title, confirmText, confirmLabel, pending, error, onConfirm, children }: TypedConfirmProps) {
  const [typed, setTyped] = useState("");
  const matches = typed.trim() === confirmText;

  const close = () => {
    setTyped("");
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (matches) onConfirm();
  };

  return (
    <Dialog open={open} onClose={close} title={title}>
      <form onSubmit={submit} className="flex flex-col gap-5">
        {children}
        <ErrorAlert error={error} />
        <TextField
          label={
            <>
              To confirm, type <span className="font-mono font-bold">{confirmText}</span>
            </>
          }
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          autoFocus
        />
        <div className="flex justify-end gap-3">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={!matches} pending={pending}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
