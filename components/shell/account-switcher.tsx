"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { confirmLeave } from "@/components/editor/use-leave-guard";
import { RoleSwatch } from "@/components/switch-role/role-swatch";
import { useBackToSignedIn, useSwitchTo } from "@/components/switch-role/use-switch-to";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useRoleSession } from "@/lib/queries/use-role-session";
import type { RecentRoleView, RoleSessionState } from "@/lib/schemas/switch-role";
import { RoleEndTimer } from "./role-end-timer";

const SECTIONS = ["users", "groups", "roles", "policies", "settings", "simulator", "who-can", "history"];

const accountLabel = (alias: string | null, accountId: string) => (alias ? `${alias} (${accountId})` : accountId);

/**
 * The account menu, as the AWS console's: the signed-in account, and the roles recently switched
 * to (choosing one switches to it, decided again as the signed-in user); the role in use shows in
 * its color with "Back to alice" beside it. Switching keeps the section (Users of one account →
 * Users of the other); in the service catalog, whose URL carries the account as `?account=`, it
 * stays in the catalog, now for the other account.
 */
export function AccountSwitcher() {
  const state = useRoleSession();
  // The server had no session state: render what it rendered until hydration is over.
  const hydrated = useHydrated();
  const pathname = usePathname();
  const search = useSearchParams();
  const [, , , section] = pathname.split("/");
  const keep = pathname.startsWith("/accounts/") && section && SECTIONS.includes(section) ? `/${section}` : "";
  const inCatalog = pathname === "/catalog" || pathname.startsWith("/catalog/");
  const destination = (accountId: string) => {
    if (!inCatalog) return `/accounts/${encodeURIComponent(accountId)}${keep}`;
    const params = new URLSearchParams(search.toString());
    params.set("account", accountId);
    return `${pathname}?${params.toString()}`;
  };
  const back = useBackToSignedIn(destination);

  if (!hydrated || !state.data) return null;
  const { signedIn, role } = state.data;
  const who = signedIn.userName ?? "root user";

  // In a role the header stacks the role (in its color) over "Back to …", so both fit at 1280 px.
  return (
    <div className={`flex min-w-0 ${role ? "flex-col items-start gap-0.5" : "items-center"}`}>
      <AccountMenu state={state.data} destination={destination} onBack={() => confirmLeave() && back.goBack()} />
      {role && (
        <>
          <button
            type="button"
            onClick={() => confirmLeave() && back.goBack()}
            disabled={back.isPending}
            className="rounded px-1 text-sm font-semibold whitespace-nowrap text-topbar-ink underline decoration-topbar-ink/60 underline-offset-2 hover:decoration-topbar-ink disabled:opacity-60"
          >
            Back to {who}
          </button>
          <RoleEndTimer expiresAt={role.expiresAt} />
        </>
      )}
      {back.error && (
        <p role="alert" className="sr-only">
          Could not switch back: {back.error.message}
        </p>
      )}
    </div>
  );
}

function AccountMenu({ state, destination, onBack }: { state: RoleSessionState; destination: (accountId: string) => string; onBack: () => void }) {
  const { signedIn, role, recentRoles } = state;
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const switching = useSwitchTo(destination);
  const who = signedIn.userName ?? "root user";

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      root.current?.querySelector<HTMLButtonElement>("button")?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const choose = (recent: RecentRoleView) => {
    if (!confirmLeave()) return;
    switching.switchTo({ account: recent.accountId, roleName: recent.roleNameWithPath, displayName: recent.displayName, color: recent.color ?? undefined }, () => setOpen(false));
  };

  return (
    <div ref={root} className="relative flex max-w-full min-w-0">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        title={role ? `${role.displayName}: ${role.roleArn}` : undefined}
        onClick={() => setOpen((value) => !value)}
        className={`flex max-w-[26rem] min-w-0 items-center gap-2 rounded-md border font-semibold ${
          role ? "px-2.5 py-0.5 text-sm" : "px-3 py-1.5"
        } ${role?.colorHex ? "border-black/20 text-ink" : "border-white/25 bg-white/10 text-topbar-ink hover:bg-white/20"}`}
        style={role?.colorHex ? { backgroundColor: role.colorHex } : undefined}
      >
        <span className="sr-only">{role ? "Role in use:" : "Account:"}</span>
        <span className="truncate">{role ? role.displayName : accountLabel(signedIn.accountAlias, signedIn.accountId)}</span>
        <svg viewBox="0 0 20 20" className="size-4 shrink-0" aria-hidden="true">
          <path d="M5 8l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      {open && (
        <div id={panelId} className="absolute top-full right-0 z-50 mt-2 w-96 max-w-[calc(100vw-2rem)] rounded-lg border border-line bg-surface p-3 text-ink shadow-xl">
          <h2 className="text-sm font-bold tracking-wide text-muted uppercase">Signed in</h2>
          <div className="mt-1 flex items-center justify-between gap-3 rounded-md px-2 py-1.5">
            <span className="min-w-0">
              <span className="block truncate font-semibold">{who}</span>
              <span className="block truncate text-sm text-muted">{accountLabel(signedIn.accountAlias, signedIn.accountId)}</span>
            </span>
            {role ? (
              <button type="button" onClick={onBack} className="text-sm font-semibold whitespace-nowrap text-brand underline">
                Back to {who}
              </button>
            ) : (
              <Link href={destination(signedIn.accountId)} onClick={() => setOpen(false)} className="text-sm font-semibold whitespace-nowrap text-brand underline">
                Open account
              </Link>
            )}
          </div>
          <h2 className="mt-3 text-sm font-bold tracking-wide text-muted uppercase">Role history</h2>
          {recentRoles.length === 0 ? (
            <p className="px-2 py-1.5 text-sm text-muted">No roles switched to yet.</p>
          ) : (
            <ul className="mt-1 flex flex-col">
              {recentRoles.map((recent) => (
                <li key={recent.roleArn}>
                  <button
                    type="button"
                    disabled={recent.roleArn === role?.roleArn || switching.isPending}
                    onClick={() => choose(recent)}
                    className="flex w-full items-center gap-2.5 rounded-md px-2 py-1.5 text-left hover:bg-subtle disabled:cursor-default disabled:hover:bg-transparent"
                  >
                    <RoleSwatch hex={recent.colorHex} />
                    <span className="min-w-0">
                      <span className="block font-semibold break-words">{recent.displayName}</span>
                      <span className="block text-sm break-words text-muted">
                        {recent.roleArn === role?.roleArn ? "In use · " : ""}
                        {recent.roleNameWithPath} in {accountLabel(recent.accountAlias, recent.accountId)}
                      </span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {switching.error && (
            <p role="alert" className="mt-2 rounded-md bg-danger-soft px-2 py-1.5 text-sm text-danger">
              {switching.error.message}
            </p>
          )}
          {signedIn.type === "IAMUser" && (
            <Link href="/switch-role" onClick={() => setOpen(false)} className="mt-3 block rounded-md px-2 py-1.5 font-semibold text-brand underline hover:bg-subtle">
              Switch role…
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
