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
import { useCreateUser } from "@/lib/queries/use-users";
import { iamPath, userName as userNameRule } from "@/lib/schemas/common";

export function CreateUserForm({ accountId }: { accountId: string }) {
  const router = useRouter();
  const notify = useToast();
  const create = useCreateUser(accountId);
  const [userName, setUserName] = useState("");
  const [path, setPath] = useState("/");
  // AWS's rules, checked as typed with the schemas the API validates with.
  const nameRule = useFieldRule(userNameRule, userName);
  const pathRule = useFieldRule(iamPath, path.trim() || "/");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (![nameRule.check(), pathRule.check()].every(Boolean)) return focusFirstInvalid(event.currentTarget);
    create.mutate(
      { userName: userName.trim(), path: path.trim() || "/" },
      {
        onSuccess: (user) => {
          notify(`User ${user.userName} created.`);
          router.push(paths.user(accountId, user.userName));
        },
      },
    );
  };

  return (
    <Card className="max-w-3xl">
      <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
        <ErrorAlert error={formError(create.error, ["userName", "path"])} />
        <TextField
          label="User name"
          hint="Up to 64 characters: letters, digits and + = , . @ _ -. Unique in the account, regardless of case."
          value={userName}
          onChange={(e) => setUserName(e.target.value)}
          error={nameRule.error ?? fieldError(create.error, "userName")}
          required
          autoFocus
        />
        <TextField label="Path" hint='Optional grouping such as /engineering/. Most users keep "/".' value={path} onChange={(e) => setPath(e.target.value)} error={pathRule.error ?? fieldError(create.error, "path")} className="font-mono" />
        <p className="text-muted">Give permissions after creation: add the user to groups, attach policies, set a console password or create access keys.</p>
        <div className="flex gap-3">
          <Button type="submit" variant="primary" pending={create.isPending}>
            Create user
          </Button>
          <ButtonLink href={paths.users(accountId)}>Cancel</ButtonLink>
        </div>
      </form>
    </Card>
  );
}
