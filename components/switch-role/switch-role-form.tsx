"use client";

import { useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ErrorAlert, Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { Card, Skeleton } from "@/components/ui/misc";
import { useFieldRule } from "@/components/ui/use-field-rule";
import { useRoleSession } from "@/lib/queries/use-role-session";
import { ROLE_COLORS, switchRoleBody, type RoleColor } from "@/lib/schemas/switch-role";
import { RecentRoles } from "./recent-roles";
import { RoleSwatch } from "./role-swatch";
import { useSwitchTo } from "./use-switch-to";

const FIELDS = ["account", "roleName", "displayName", "color"];

/**
 * The Switch Role form, as the AWS console's: account, role name, optional display name and
 * color; the role history below it switches in one click. Its fields can be filled from the URL
 * (?account=…&roleName=…&displayName=…&color=…), as AWS's switch-role links do.
 */
export function SwitchRoleForm() {
  const state = useRoleSession();
  const search = useSearchParams();
  const switching = useSwitchTo();
  const [account, setAccount] = useState(search.get("account") ?? "");
  const [roleName, setRoleName] = useState(search.get("roleName") ?? "");
  const [displayName, setDisplayName] = useState(search.get("displayName") ?? "");
  const [color, setColor] = useState<RoleColor | "">(ROLE_COLORS.find((c) => c.name === search.get("color"))?.name ?? "");
  const accountRule = useFieldRule(switchRoleBody.shape.account, account);
  const roleRule = useFieldRule(switchRoleBody.shape.roleName, roleName);
  const displayRule = useFieldRule(switchRoleBody.shape.displayName, displayName);

  if (state.error) return <ErrorAlert error={state.error} />;
  if (!state.data) return <Skeleton className="h-96" />;
  const { signedIn, role } = state.data;
  if (signedIn.type === "Root") {
    return (
      <Alert tone="warning" title="The root user cannot switch roles">
        <p>
          Roles may not be assumed by root accounts. Sign in as an IAM user to switch to a role, in this account or another.
        </p>
      </Alert>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = [accountRule.check(), roleRule.check(), displayRule.check()].every(Boolean);
    if (!valid) return;
    switching.switchTo({ account: account.trim(), roleName: roleName.trim(), displayName: displayName.trim() || undefined, color: color || undefined });
  };

  const who = signedIn.userName ?? "you";
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <Card title="Switch role">
        <form onSubmit={submit} className="flex flex-col gap-5" noValidate aria-describedby="switch-role-about">
          <p id="switch-role-about" className="text-muted">
            The console asks whether <strong className="text-ink">{who}</strong> may assume the role (sts:AssumeRole): the role&apos;s trust
            policy and {who}&apos;s own policies decide{role ? `, not those of ${role.roleName} in use now` : ""}. The role lasts one hour.
          </p>
          <ErrorAlert error={formError(switching.error, FIELDS)} />
          <TextField
            label="Account"
            hint="The 12-digit account ID or the account's alias."
            value={account}
            onChange={(e) => setAccount(e.target.value)}
            error={accountRule.error ?? fieldError(switching.error, "account")}
            autoComplete="off"
            spellCheck={false}
            required
          />
          <TextField
            label="Role name"
            hint="With its path if it has one, for example team/RoleName."
            value={roleName}
            onChange={(e) => setRoleName(e.target.value)}
            error={roleRule.error ?? fieldError(switching.error, "roleName")}
            autoComplete="off"
            spellCheck={false}
            required
          />
          <TextField
            label="Display name (optional)"
            hint={`Shown in the header while you use the role. Default: ${roleName.trim() || "RoleName"} @ ${account.trim() || "account"}.`}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            error={displayRule.error ?? fieldError(switching.error, "displayName")}
            maxLength={64}
          />
          <ColorChoice value={color} onChange={setColor} />
          <div className="flex flex-wrap justify-end gap-3">
            <ButtonLink href={`/accounts/${encodeURIComponent(role?.accountId ?? signedIn.accountId)}`}>Cancel</ButtonLink>
            <Button type="submit" variant="primary" pending={switching.isPending}>
              Switch role
            </Button>
          </div>
        </form>
      </Card>
      <RecentRoles roles={state.data.recentRoles} current={role?.roleArn ?? null} />
    </div>
  );
}

/** The console's five colors (and none), as a radio group with each color's name. */
function ColorChoice({ value, onChange }: { value: RoleColor | ""; onChange: (color: RoleColor | "") => void }) {
  const options = [{ name: "" as const, label: "None", hex: null }, ...ROLE_COLORS];
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="font-semibold">Color (optional)</legend>
      <p className="text-sm text-muted">The header shows the role in this color.</p>
      <div className="mt-1 flex flex-wrap gap-2">
        {options.map((option) => (
          <label
            key={option.name || "none"}
            className="flex cursor-pointer items-center gap-2 rounded-md border border-line px-3 py-1.5 has-checked:border-brand has-checked:bg-brand-soft has-focus-visible:outline-3 has-focus-visible:outline-brand"
          >
            <input type="radio" name="color" value={option.name} checked={value === option.name} onChange={() => onChange(option.name)} className="sr-only" />
            <RoleSwatch hex={option.hex} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
