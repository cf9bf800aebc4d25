"use client";

import { usePathname, useRouter } from "next/navigation";
import { useId } from "react";
import { useAccounts } from "@/lib/queries/use-accounts";

const SECTIONS = ["users", "groups", "roles", "policies", "settings"];

/** Switches account, staying in the same section (Users of one account → Users of the other). */
export function AccountSwitcher() {
  const id = useId();
  const router = useRouter();
  const pathname = usePathname();
  const accounts = useAccounts();
  const [, , currentId, section] = pathname.split("/");
  const inAccount = pathname.startsWith("/accounts/");

  if (!accounts.data || accounts.data.length === 0) return null;

  const go = (accountId: string) => {
    if (!accountId) return router.push("/");
    const keep = section && SECTIONS.includes(section) ? `/${section}` : "";
    router.push(`/accounts/${encodeURIComponent(accountId)}${keep}`);
  };

  return (
    <div className="flex items-center gap-3">
      <label htmlFor={id} className="text-sm font-semibold text-topbar-ink/85">
        Account
      </label>
      <select
        id={id}
        value={inAccount ? decodeURIComponent(currentId ?? "") : ""}
        onChange={(event) => go(event.target.value)}
        className="max-w-xs rounded-md border border-white/25 bg-white/10 px-3 py-1.5 text-base text-topbar-ink [&>option]:text-ink"
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
