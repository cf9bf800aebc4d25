"use client";

import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { Card } from "@/components/ui/misc";
import { useToast } from "@/components/ui/toast";
import type { Role } from "@/lib/queries/types";
import { useUpdateRole } from "@/lib/queries/use-roles";
import { SESSION_HOURS } from "./trust-policy";

/** UpdateRole: description and maximum session duration. */
export function RoleSettings({ accountId, role }: { accountId: string; role: Role }) {
  const notify = useToast();
  const update = useUpdateRole(accountId, role.roleName);
  const [description, setDescription] = useState(role.description);
  const [hours, setHours] = useState(Math.max(1, Math.round(role.maxSessionDuration / 3600)));
  const changed = description !== role.description || hours * 3600 !== role.maxSessionDuration;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ description, maxSessionDuration: hours * 3600 }, { onSuccess: () => notify(`Role ${role.roleName} updated.`) });
  };

  return (
    <Card title="Role settings" className="max-w-3xl">
      <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
        <ErrorAlert error={formError(update.error, ["description", "maxSessionDuration"])} />
        <TextAreaField label="Description" hint="Up to 1,000 characters." rows={3} maxLength={1000} value={description} onChange={(e) => setDescription(e.target.value)} error={fieldError(update.error, "description")} />
        <SelectField
          label="Maximum session duration"
          hint="How long credentials from AssumeRole can last."
          value={hours}
          onChange={(e) => setHours(Number(e.target.value))}
          error={fieldError(update.error, "maxSessionDuration")}
        >
          {SESSION_HOURS.map((h) => (
            <option key={h} value={h}>
              {h} {h === 1 ? "hour" : "hours"}
            </option>
          ))}
        </SelectField>
        <div>
          <Button type="submit" variant="primary" disabled={!changed} pending={update.isPending}>
            Save changes
          </Button>
        </div>
      </form>
    </Card>
  );
}
