"use client";

import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { focusFirstInvalid } from "@/components/ui/field-rule";
import { fieldError, formError } from "@/components/ui/form-errors";
import { useFieldRule } from "@/components/ui/use-field-rule";
import { groupName, iamPath, userName } from "@/lib/schemas/common";

interface RenameDialogProps {
  open: boolean;
  onClose: () => void;
  /** "User" or "Group". */
  noun: "User" | "Group";
  name: string;
  path: string;
  pending: boolean;
  error: unknown;
  /** Called with only what changed. */
  onSave: (change: { newName?: string; newPath?: string }) => void;
}

/** UpdateUser / UpdateGroup: a new name or path (the ARN changes with them). */
export function RenameDialog({ open, onClose, noun, name, path, pending, error, onSave }: RenameDialogProps) {
  const [newName, setNewName] = useState(name);
  const [newPath, setNewPath] = useState(path);
  const nameField = noun === "User" ? "newUserName" : "newGroupName";
  // AWS's rules, checked as typed with the schemas the API validates with.
  const nameRule = useFieldRule(noun === "User" ? userName : groupName, newName);
  const pathRule = useFieldRule(iamPath, newPath.trim());

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (![nameRule.check(), pathRule.check()].every(Boolean)) return focusFirstInvalid(event.currentTarget);
    onSave({
      ...(newName.trim() !== name ? { newName: newName.trim() } : {}),
      ...(newPath.trim() !== path ? { newPath: newPath.trim() } : {}),
    });
  };

  return (
    <Dialog open={open} onClose={onClose} title={`Edit ${noun.toLowerCase()} ${name}`} description="Changing the name or path changes the ARN. Policies that name the old ARN will no longer match.">
      <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
        <ErrorAlert error={formError(error, [nameField, "newPath"])} />
        <TextField label={`${noun} name`} value={newName} onChange={(e) => setNewName(e.target.value)} error={nameRule.error ?? fieldError(error, nameField)} required />
        <TextField label="Path" hint='"/" or a path such as /engineering/.' value={newPath} onChange={(e) => setNewPath(e.target.value)} error={pathRule.error ?? fieldError(error, "newPath")} className="font-mono" />
        <div className="flex justify-end gap-3">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" pending={pending} disabled={newName.trim() === name && newPath.trim() === path}>
            Save changes
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
