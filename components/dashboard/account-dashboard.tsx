"use client";

import Link from "next/link";
import { shownAlias } from "@/components/accounts/account-alias";
import { ChangeHistory } from "@/components/history/change-history";
import { ErrorAlert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PermittedLink } from "@/components/ui/permitted";
import { formatCount } from "@/components/ui/format";
import { Card, PageHeader, Skeleton } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";
import { createCheck } from "@/lib/queries/permission-checks";
import { useAccount } from "@/lib/queries/use-accounts";
import { PROD } from "@/prisma/seed/demo-accounts";
import { GuidedPath } from "./guided-path";

/**
 * Widths follow the dashboard's own box (a container query, in rem), not the window: beside the
 * side navigation, and with presenter mode's 20 px root font, a 1280 px window leaves about 46rem,
 * too little for the change log and the quick links side by side: below 64rem the quick links
 * sit above the log as a row of buttons. acme-prod, the demo's account, also has the guided path.
 */
export function AccountDashboard({ accountId }: { accountId: string }) {
  const account = useAccount(accountId);
  const alias = account.data ? shownAlias(account.data) : null;

  const counts = account.data?.counts;
  const tiles = [
    { label: "Users", href: paths.users(accountId), count: counts?.users },
    { label: "User groups", href: paths.groups(accountId), count: counts?.groups },
    { label: "Roles", href: paths.roles(accountId), count: counts?.roles },
    { label: "Policies", href: paths.policies(accountId), count: counts?.policies },
  ];

  return (
    <div className="@container">
      <PageHeader
        title={account.data ? account.data.displayName : "Account"}
        description={
          account.data ? (
            <>
              {alias && (
                <>
                  <span className="font-semibold">{alias}</span> ·{" "}
                </>
              )}
              <span className="font-mono">{accountId}</span>
            </>
          ) : (
            <span className="font-mono">{accountId}</span>
          )
        }
        actions={<ButtonLink href={paths.settings(accountId)}>Account settings</ButtonLink>}
      />
      <section aria-labelledby="resources-heading" className="mb-8">
        <h2 id="resources-heading" className="sr-only">
          IAM resources
        </h2>
        {/* A caller who may not read the account's summary still has the rest of the page. */}
        {account.error ? (
          <ErrorAlert error={account.error} />
        ) : (
          <ul className="grid grid-cols-2 gap-5 @min-[44rem]:grid-cols-4">
            {tiles.map((tile) => (
              <li key={tile.label} className="min-w-0">
                <Link href={tile.href} className="block h-full rounded-xl border border-line bg-surface px-5 py-4 shadow-sm transition hover:border-brand hover:shadow-md">
                  <span className="block text-lg font-semibold text-muted">{tile.label}</span>
                  <span className="mt-1 block text-4xl font-bold text-brand">{tile.count === undefined ? <Skeleton className="h-10 w-20" /> : formatCount(tile.count)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {account.data?.accountId === PROD && account.data.alias === "acme-prod" && <GuidedPath />}
      <div className="grid grid-cols-1 gap-6 @min-[64rem]:grid-cols-[minmax(0,1fr)_18rem]">
        <Card title="Quick links" className="@min-[64rem]:order-2 @min-[64rem]:self-start">
          <ul className="flex flex-wrap gap-3 @min-[64rem]:flex-col">
            <li>
              <PermittedLink check={createCheck(accountId, "user")} href={paths.newUser(accountId)} variant="primary" className="@min-[64rem]:w-full">
                Create user
              </PermittedLink>
            </li>
            <li>
              <PermittedLink check={createCheck(accountId, "role")} href={paths.newRole(accountId)} className="@min-[64rem]:w-full">
                Create role
              </PermittedLink>
            </li>
            <li>
              <PermittedLink check={createCheck(accountId, "policy")} href={paths.newPolicy(accountId)} className="@min-[64rem]:w-full">
                Create policy
              </PermittedLink>
            </li>
            <li>
              <PermittedLink check={createCheck(accountId, "group")} href={paths.newGroup(accountId)} className="@min-[64rem]:w-full">
                Create group
              </PermittedLink>
            </li>
          </ul>
        </Card>
        <Card title="Recent changes" className="min-w-0">
          <ChangeHistory accountId={accountId} pageSize={10} paged={false} />
        </Card>
      </div>
    </div>
  );
}
