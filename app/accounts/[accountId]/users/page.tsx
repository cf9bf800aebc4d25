import { Suspense } from "react";
import { ListSkeleton } from "@/components/list/list-skeleton";
import { UsersList } from "@/components/users/users-list";
import { PermittedLink } from "@/components/ui/permitted";
import { PageHeader } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";
import { createCheck } from "@/lib/queries/permission-checks";

export const metadata = { title: "Users" };

export default async function UsersPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return (
    <>
      <PageHeader
        title="Users"
        description="People and workloads with long-term credentials in this account."
        actions={<PermittedLink href={paths.newUser(accountId)} variant="primary" check={createCheck(accountId, "user")}>Create user</PermittedLink>}
      />
      <Suspense fallback={<ListSkeleton />}>
        <UsersList accountId={accountId} />
      </Suspense>
    </>
  );
}
