"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId } from "react";
import { catalogContext } from "@/components/catalog/paths";
import { confirmLeave } from "@/components/editor/use-leave-guard";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useAccounts } from "@/lib/queries/use-accounts";

const SECTIONS = ["users", "groups", "roles", "policies", "settings", "simulator", "who-can"];

/**
 * Switches account, staying in the same section (Users of one account → Users of the other). In
 * the service catalog, whose URL carries the account as `?account=`, it stays in the catalog.
 */
export function AccountSwitcher() {
  const id = useId();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const accounts = useAccounts();
  // The server had no account list: render what it rendered until hydration is over.
  const hydrated = useHydrated();
  const [, , pathAccount, section] = pathname.split("/");
  const inCatalog = pathname === "/catalog" || pathname.startsWith("/catalog/");
  const current = pathname.startsWith("/accounts/")
    ? decodeURIComponent(pathAccount ?? "")
    : inCatalog
      ? (catalogContext({ account: search.get("account") ?? undefined }).account ?? "")
      : "";

  if (!hydrated || !accounts.data || accounts.data.length === 0) return null;

  const go = (accountId: string) => {
    // Unsaved edits ask first; staying leaves the select on the current account (it is controlled).
    if (!confirmLeave()) return;
    if (inCatalog) {
      const params = new URLSearchParams(search.toString());
      if (accountId) params.set("account", accountId);
      else params.delete("account");
      const query = params.toString();
      return router.push(query ? `${pathname}?${query}` : pathname);
    }
    if (!accountId) return router.push("/");
    const keep = section && SECTIONS.includes(section) ? `/${section}` : "";
    router.push(`/accounts/${encodeURIComponent(accountId)}${keep}`);
  };

  return (
    <div className="flex min-w-0 items-center gap-3">
      <label htmlFor={id} className="text-sm font-semibold text-topbar-ink/85 presenter:sr-only">
        Account
      </label>
      <select
        id={id}
        value={current}
        onChange={(event) => go(event.target.value)}
        className="max-w-xs min-w-0 rounded-md border border-white/25 bg-white/10 px-3 py-1.5 text-base text-topbar-ink [&>option]:text-ink"
      >
        <option value="">All accounts</option>
        {accounts.data.map((account) => (
          <option key={account.accountId} value={account.accountId}>
            {account.alias} ({account.accountId})
          </option>
        ))}
      </select>
    </div>
  );
}
