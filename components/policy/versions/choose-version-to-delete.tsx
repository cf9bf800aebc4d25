"use client";

import { useId, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formatDateTime } from "@/components/ui/format";
import type { PolicyVersion } from "@/lib/queries/types";

interface ChooseVersionToDeleteProps {
  open: boolean;
  /** The versions that may go: every one but the default. */
  candidates: PolicyVersion[];
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (versionId: string) => void;
}

/**
 * A managed policy keeps five versions at most: saving a sixth means choosing one to delete
 * first, as the IAM console asks. The default version is never offered.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html
 */
export function ChooseVersionToDelete({ open, candidates, pending, error, onClose, onConfirm }: ChooseVersionToDeleteProps) {
  const name = useId();
  // The oldest version is the usual choice; candidates come newest first.
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const selected = chosen ?? candidates.at(-1)?.versionId;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Choose a version to delete"
      description="This policy already has five versions, the most AWS keeps. Delete one (not the default) to save the new version."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" pending={pending} disabled={!selected} onClick={() => selected && onConfirm(selected)}>
            Delete {selected ?? "version"} and save
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-4">
        <fieldset>
          <legend className="mb-2 font-semibold">Version to delete</legend>
          <div className="flex flex-col gap-2">
            {candidates.map((version) => (
              <label key={version.versionId} className="flex items-center gap-3 rounded-md border border-line px-3 py-2 hover:bg-subtle">
                <input type="radio" name={name} value={version.versionId} checked={selected === version.versionId} onChange={() => setChosen(version.versionId)} className="size-5" />
                <span className="font-mono font-bold">{version.versionId}</span>
                <span className="text-muted">created {formatDateTime(version.createdAt)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <ErrorAlert error={error} />
      </div>
    </Dialog>
  );
}
