"use client";

import Link from "next/link";
import { ChangeHistory } from "@/components/history/change-history";
import { ErrorAlert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { formatCount } from "@/components/ui/format";
import { Card, PageHeader, Skeleton } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";
import { useAccount } from "@/lib/queries/use-accounts";

export function AccountDashboard({ accountId }: { accountId: string }) {
  const account = useAccount(accountId);
  if (account.error) return <ErrorAlert error={account.error} />;

  const counts = account.data?.counts;
  const tiles = [
    { label: "Users", href: paths.users(accountId), count: counts?.users },
    { label: "User groups", href: paths.groups(accountId), count: counts?.groups },
    { label: "Roles", href: paths.roles(accountId), count: counts?.roles },
    { label: "Policies", href: paths.policies(accountId), count: counts?.policies },
  ];

  return (
    <>
      <PageHeader
        title={account.data ? account.data.displayName : "Account"}
        description={
          account.data ? (
            <>
              <span className="font-semibold">{account.data.alias}</span> · <span className="font-mono">{accountId}</span>
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
        <ul className="grid gap-5 sm:grid-cols-2 xl:grid-cols-4">
          {tiles.map((tile) => (
            <li key={tile.label}>
              <Link href={tile.href} className="block rounded-xl border border-line bg-surface px-5 py-4 shadow-sm transition hover:border-brand hover:shadow-md">
                <span className="block text-lg font-semibold text-muted">{tile.label}</span>
                <span className="mt-1 block text-4xl font-bold text-brand">{tile.count === undefined ? <Skeleton className="h-10 w-20" /> : formatCount(tile.count)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <Card title="Recent changes">
          <ChangeHistory accountId={accountId} pageSize={10} paged={false} />
        </Card>
        <Card title="Quick links">
          <ul className="flex flex-col gap-3">
            <li>
              <ButtonLink href={paths.newUser(accountId)} variant="primary" className="w-full">
                Create user
              </ButtonLink>
            </li>
            <li>
              <ButtonLink href={paths.newRole(accountId)} className="w-full">
                Create role
              </ButtonLink>
            </li>
            <li>
              <ButtonLink href={paths.newPolicy(accountId)} className="w-full">
                Create policy
              </ButtonLink>
            </li>
            <li>
              <ButtonLink href={paths.newGroup(accountId)} className="w-full">
                Create group
              </ButtonLink>
            </li>
          </ul>
        </Card>
      </div>
    </>
  );
}
