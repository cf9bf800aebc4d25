import Link from "next/link";
import { Suspense } from "react";
import { AccountSwitcher } from "./account-switcher";

export function TopBar() {
  return (
    <header className="sticky top-0 z-40 bg-topbar text-topbar-ink shadow-md">
      <div className="flex h-16 items-center justify-between gap-6 px-6">
        <Link href="/" className="flex items-center gap-3 text-xl font-bold tracking-tight">
          <svg viewBox="0 0 32 32" className="size-8" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="#f59e0b" />
            <path d="M16 6l8 3.5v6c0 5-3.4 9.2-8 10.5-4.6-1.3-8-5.5-8-10.5v-6z" fill="#131c28" />
            <path d="M12.5 16l2.5 2.5 5-5" fill="none" stroke="#f59e0b" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          IAM Console
        </Link>
        <Suspense>
          <AccountSwitcher />
        </Suspense>
      </div>
    </header>
  );
}
