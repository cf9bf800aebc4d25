"use client";

import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { PermittedButton } from "@/components/ui/permitted";
import { ApiError } from "@/lib/queries/api";
import type { PermissionCheck } from "@/lib/queries/permission-checks";
import { TypedConfirm } from "./typed-confirm";

type Step = "closed" | "confirm" | "conflict";

interface DeleteFlowProps {
  /** "user", "group", "role", "policy". */
  noun: string;
  name: string;
  /** DELETE, with `?force=true` when everything attached must go first. */
  remove: (force: boolean) => Promise<unknown>;
  pending: boolean;
  /** What a forced delete removes; rendered only when the plain delete was refused. */
  inventory: ReactNode;
  onDeleted: () => void;
  /** The delete request, asked first: the button is disabled with AWS's reason when it would be refused. */
  check?: PermissionCheck | null;
}

/**
 * Delete as AWS does it: refused with DeleteConflict while anything is attached. The console
 * then explains why and offers to remove everything first, after its own confirmation.
 */
export function DeleteFlow({ noun, name, remove, pending, inventory, onDeleted, check = null }: DeleteFlowProps) {
  const [step, setStep] = useState<Step>("closed");
  const [conflict, setConflict] = useState<string>("");
  const [error, setError] = useState<unknown>();

  const close = () => {
    setStep("closed");
    setError(undefined);
  };

  const run = async (force: boolean) => {
    setError(undefined);
    try {
      await remove(force);
      close();
      onDeleted();
    } catch (problem) {
      if (!force && problem instanceof ApiError && problem.code === "DeleteConflict") {
        setConflict(problem.message);
        setStep("conflict");
      } else {
        setError(problem);
      }
    }
  };

  return (
    <>
      <PermittedButton variant="danger" check={check} onClick={() => setStep("confirm")}>
        Delete
      </PermittedButton>
      <TypedConfirm
        open={step === "confirm"}
        onClose={close}
        title={`Delete ${noun} ${name}?`}
        confirmText={name}
        confirmLabel="Delete"
        pending={pending}
        error={error}
        onConfirm={() => run(false)}
      >
        <p>This cannot be undone.</p>
      </TypedConfirm>
      <TypedConfirm
        open={step === "conflict"}
        onClose={close}
        title={`Remove everything and delete ${name}?`}
        confirmText={name}
        confirmLabel="Remove everything and delete"
        pending={pending}
        error={error}
        onConfirm={() => run(true)}
      >
        <Alert tone="warning" title={`The ${noun} could not be deleted`}>
          {conflict}
        </Alert>
        <div>
          <p className="mb-2 font-semibold">Deleting it anyway first removes:</p>
          {inventory}
        </div>
      </TypedConfirm>
    </>
  );
}
