"use client";

import Link from "next/link";
import { shownAlias } from "@/components/accounts/account-alias";
import { ErrorAlert } from "@/components/ui/alert";
import { formatCount } from "@/components/ui/format";
import { EmptyState, Skeleton } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";
import { useAccounts } from "@/lib/queries/use-accounts";
import type { Account } from "@/lib/queries/types";
import { CreateAccountButton } from "./create-account-dialog";
import { ResetDemoItem } from "./reset-demo";

// As many 20rem columns as fit: sized in rem, the cards fit as well at presenter mode's 20 px text.
const GRID = "grid grid-cols-[repeat(auto-fill,minmax(min(100%,20rem),1fr))] gap-5";

export function AccountsOverview() {
  const accounts = useAccounts();

  if (accounts.error) return <ErrorAlert error={accounts.error} />;
  if (accounts.isPending) {
    return (
      <div className={GRID} aria-busy="true" aria-label="Loading accounts">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-48 rounded-xl" />
        ))}
      </div>
    );
  }
  if (accounts.data.length === 0) {
    return (
      <EmptyState title="No accounts yet" action={<CreateAccountButton />}>
        Create an account to start adding users, groups, roles and policies — or run <code className="font-mono">npm run db:seed</code> to load the demo accounts.
      </EmptyState>
    );
  }
  return (
    <ul className={GRID} aria-label="Accounts">
      {accounts.data.map((account) => (
        <li key={account.accountId}>
          <AccountCard account={account} />
        </li>
      ))}
      <ResetDemoItem accounts={accounts.data} />
    </ul>
  );
}

function AccountCard({ account }: { account: Account }) {
  const alias = shownAlias(account);
  const counts: [string, number][] = [
    ["Users", account.counts.users],
    ["Groups", account.counts.groups],
    ["Roles", account.counts.roles],
    ["Policies", account.counts.policies],
  ];
  return (
    <article className="flex h-full flex-col rounded-xl border border-line bg-surface shadow-sm transition-shadow hover:shadow-md">
      <div className="border-b border-line px-5 py-4">
        <h2 className="text-xl font-bold">
          <Link href={paths.account(account.accountId)} className="text-brand hover:underline">
            {alias ?? account.accountId}
          </Link>
        </h2>
        <p className="text-muted">{account.displayName}</p>
        {/* An account without an alias is named by its ID, once. */}
        {alias && <p className="mt-1 font-mono text-sm text-muted">{account.accountId}</p>}
      </div>
      <dl className="grid grid-cols-4 gap-2 px-5 py-4 text-center">
        {counts.map(([label, count]) => (
          <div key={label} className="flex flex-col-reverse">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="text-2xl font-bold">{formatCount(count)}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
