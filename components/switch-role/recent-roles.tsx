"use client";

import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/misc";
import type { RecentRoleView } from "@/lib/schemas/switch-role";
import { RoleSwatch } from "./role-swatch";
import { useSwitchTo } from "./use-switch-to";

/** The role history: the five roles last switched to, each one click away (decided again, as always). */
export function RecentRoles({ roles, current }: { roles: RecentRoleView[]; current: string | null }) {
  const switching = useSwitchTo();
  return (
    <Card title="Role history">
      {roles.length === 0 ? (
        <p className="text-muted">Roles you switch to are listed here, the last five, for one click.</p>
      ) : (
        <div className="flex flex-col gap-3">
          <ErrorAlert error={switching.error} />
          <ul className="flex flex-col gap-2">
            {roles.map((role) => (
              <li key={role.roleArn} className="flex items-center justify-between gap-3 rounded-md border border-line px-3 py-2">
                <span className="flex min-w-0 items-center gap-2.5">
                  <RoleSwatch hex={role.colorHex} />
                  <span className="min-w-0">
                    <span className="block font-semibold break-words">{role.displayName}</span>
                    <span className="block text-sm break-words text-muted">
                      {role.roleNameWithPath} in {role.accountAlias ? `${role.accountAlias} (${role.accountId})` : role.accountId}
                    </span>
                  </span>
                </span>
                {role.roleArn === current ? (
                  <span className="text-sm font-semibold text-muted">In use</span>
                ) : (
                  <Button
                    size="sm"
                    pending={switching.isPending && switching.variables?.roleName === role.roleNameWithPath && switching.variables.account === role.accountId}
                    onClick={() => switching.switchTo({ account: role.accountId, roleName: role.roleNameWithPath, displayName: role.displayName, color: role.color ?? undefined })}
                    aria-label={`Switch to ${role.displayName}`}
                  >
                    Switch
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
