import Link from "next/link";
import { Suspense } from "react";
import { AccountSwitcher } from "./account-switcher";
import { PresenterToggle } from "./presenter-toggle";
import { RoleExpiredNotice } from "./role-expired-notice";
import { IdentityMenu } from "@/components/auth/identity-menu";
import { SessionGuard } from "@/components/auth/session-guard";
import type { ShellState } from "@/lib/auth/page-session";

/**
 * The top bar. In presenter mode its decorative items (the name beside the logo, the account
 * switcher's label) leave the screen but stay in the accessibility tree (`presenter:sr-only`).
 */
export function TopBar({ presenter, shell }: { presenter: boolean; shell: ShellState }) {
  return (
    <header className="sticky top-0 z-40 bg-topbar text-topbar-ink shadow-md">
      <div className="flex h-16 items-center justify-between gap-4 px-6">
        <Link href="/" className="flex shrink-0 items-center gap-3 text-xl font-bold tracking-tight">
          <svg viewBox="0 0 32 32" className="size-8" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="#f59e0b" />
            <path d="M16 6l8 3.5v6c0 5-3.4 9.2-8 10.5-4.6-1.3-8-5.5-8-10.5v-6z" fill="#131c28" />
            <path d="M12.5 16l2.5 2.5 5-5" fill="none" stroke="#f59e0b" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span className="presenter:sr-only">IAM Console</span>
        </Link>
        <div className="flex min-w-0 items-center gap-4">
          {shell === "signed-in" && (
            <Suspense>
              <AccountSwitcher />
            </Suspense>
          )}
          <PresenterToggle initial={presenter} />
          {shell !== "signed-out" && <IdentityMenu passwordDue={shell === "must-change-password"} />}
        </div>
      </div>
      {shell !== "signed-out" && <SessionGuard />}
      {shell === "signed-in" && <RoleExpiredNotice />}
    </header>
  );
}
