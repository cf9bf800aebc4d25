"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { focusFirstInvalid } from "@/components/ui/field-rule";
import { fieldError, formError } from "@/components/ui/form-errors";
import { Card } from "@/components/ui/misc";
import { useToast } from "@/components/ui/toast";
import { useFieldRule } from "@/components/ui/use-field-rule";
import { paths } from "@/components/shell/paths";
import { useCreateGroup } from "@/lib/queries/use-groups";
import { groupName as groupNameRule, iamPath } from "@/lib/schemas/common";

export function CreateGroupForm({ accountId }: { accountId: string }) {
  const router = useRouter();
  const notify = useToast();
  const create = useCreateGroup(accountId);
  const [groupName, setGroupName] = useState("");
  const [path, setPath] = useState("/");
  // AWS's rules, checked as typed with the schemas the API validates with.
  const nameRule = useFieldRule(groupNameRule, groupName);
  const pathRule = useFieldRule(iamPath, path.trim() || "/");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (![nameRule.check(), pathRule.check()].every(Boolean)) return focusFirstInvalid(event.currentTarget);
    create.mutate(
      { groupName: groupName.trim(), path: path.trim() || "/" },
      {
        onSuccess: (group) => {
          notify(`Group ${group.groupName} created.`);
          router.push(paths.group(accountId, group.groupName));
        },
      },
    );
  };

  return (
    <Card className="max-w-3xl">
      <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
        <ErrorAlert error={formError(create.error, ["groupName", "path"])} />
        <TextField
          label="Group name"
          hint="Up to 128 characters: letters, digits and + = , . @ _ -. Unique in the account, regardless of case."
          value={groupName}
          onChange={(e) => setGroupName(e.target.value)}
          error={nameRule.error ?? fieldError(create.error, "groupName")}
          required
          autoFocus
        />
        <TextField label="Path" hint='Optional, such as /engineering/.' value={path} onChange={(e) => setPath(e.target.value)} error={pathRule.error ?? fieldError(create.error, "path")} className="font-mono" />
        <div className="flex gap-3">
          <Button type="submit" variant="primary" pending={create.isPending}>
            Create group
          </Button>
          <ButtonLink href={paths.groups(accountId)}>Cancel</ButtonLink>
        </div>
      </form>
    </Card>
  );
}
