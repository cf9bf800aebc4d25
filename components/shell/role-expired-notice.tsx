"use client";

import { useHydrated } from "@/components/ui/use-hydrated";
import { formatDateTime } from "@/components/ui/format";
import { useSwitchTo } from "@/components/switch-role/use-switch-to";
import { useRoleSession, useSwitchBack } from "@/lib/queries/use-role-session";

/**
 * Says that the role session ended by itself (a switched role lasts one hour) and that the
 * console acts as the signed-in user again; offers to switch to the role once more.
 */
export function RoleExpiredNotice() {
  const state = useRoleSession();
  const hydrated = useHydrated();
  const again = useSwitchTo();
  // Dismissing forgets the ended role, staying on the page.
  const dismiss = useSwitchBack();
  const expired = state.data?.expiredRole;
  if (!hydrated || !state.data || !expired) return null;
  const who = state.data.signedIn.userName ?? "the root user";
  return (
    <div role="status" className="flex flex-wrap items-center justify-between gap-3 border-t border-white/15 bg-warn-soft px-6 py-2 text-ink">
      <p>
        Your role session <strong>{expired.displayName}</strong> ended at {formatDateTime(expired.expiresAt)}: a switched role lasts one hour. You are{" "}
        <strong>{who}</strong> again.
      </p>
      <span className="flex gap-2">
        <button
          type="button"
          disabled={again.isPending}
          onClick={() => again.switchTo({ account: expired.accountId, roleName: expired.roleNameWithPath, displayName: expired.displayName, color: expired.color ?? undefined })}
          className="rounded-md border border-warn bg-surface px-3 py-1 font-semibold hover:bg-subtle"
        >
          Switch to {expired.roleName} again
        </button>
        <button type="button" disabled={dismiss.isPending} onClick={() => dismiss.mutate()} className="rounded-md px-3 py-1 font-semibold underline">
          Dismiss
        </button>
      </span>
      {(again.error ?? dismiss.error) && (
        <p role="alert" className="w-full text-sm text-danger">
          {(again.error ?? dismiss.error)?.message}
        </p>
      )}
    </div>
  );
}
