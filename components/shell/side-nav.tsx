"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useAccount } from "@/lib/queries/use-accounts";
import { shownAlias } from "@/components/accounts/account-alias";
import { formatCount } from "@/components/ui/format";
import { catalogPaths } from "@/components/catalog/paths";
import { paths } from "./paths";

type Counted = "users" | "groups" | "roles" | "policies";

/** An account's navigation; it stays in view (sticky below the top bar) and scrolls on its own. */
export function SideNav({ accountId }: { accountId: string }) {
  const pathname = usePathname();
  const account = useAccount(accountId);
  const alias = account.data ? shownAlias(account.data) : null;
  const counts = account.data?.counts;

  const links: { href: string; label: string; count?: Counted; exact?: boolean }[] = [
    { href: paths.account(accountId), label: "Dashboard", exact: true },
    { href: paths.users(accountId), label: "Users", count: "users" },
    { href: paths.groups(accountId), label: "User groups", count: "groups" },
    { href: paths.roles(accountId), label: "Roles", count: "roles" },
    { href: paths.policies(accountId), label: "Policies", count: "policies" },
    { href: paths.simulator(accountId), label: "Simulator" },
    { href: paths.whoCan(accountId), label: "Who can" },
    { href: paths.history(accountId), label: "History" },
    { href: paths.settings(accountId), label: "Account settings" },
    { href: catalogPaths.home({ account: accountId }), label: "Service catalog" },
  ];

  return (
    <nav
      aria-label="Main navigation"
      className="sticky top-16 h-[calc(100vh-4rem)] w-64 shrink-0 self-start overflow-y-auto border-r border-line bg-surface presenter:w-56"
    >
      <div className="border-b border-line px-5 py-4">
        <p className="text-sm font-semibold tracking-wide text-muted uppercase presenter:sr-only">Identity and Access Management</p>
        <p className="mt-1 truncate text-lg font-bold" title={account.data?.displayName}>
          {alias ?? accountId}
        </p>
        {/* An account without an alias (DeleteAccountAlias) is named by its ID, once. */}
        {(alias || !account.data) && <p className="font-mono text-sm text-muted">{accountId}</p>}
      </div>
      <ul className="flex flex-col gap-0.5 p-3">
        {links.map((link) => {
          // The catalog's link carries ?account=: compare paths only.
          const path = link.href.split("?")[0];
          const active = link.exact ? pathname === path : pathname === path || pathname.startsWith(`${path}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={active ? "page" : undefined}
                className={`flex items-center justify-between rounded-md px-3 py-2.5 font-medium ${
                  active ? "bg-brand-soft font-bold text-brand-strong" : "text-ink hover:bg-subtle"
                }`}
              >
                {link.label}
                {link.count && counts && <span className="text-sm text-muted">{formatCount(counts[link.count])}</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
