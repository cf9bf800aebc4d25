import { Suspense } from "react";
import { ListSkeleton } from "@/components/list/list-skeleton";
import { UsersList } from "@/components/users/users-list";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";

export const metadata = { title: "Users" };

export default async function UsersPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return (
    <>
      <PageHeader
        title="Users"
        description="People and workloads with long-term credentials in this account."
        actions={<ButtonLink href={paths.newUser(accountId)} variant="primary">Create user</ButtonLink>}
      />
      <Suspense fallback={<ListSkeleton />}>
        <UsersList accountId={accountId} />
      </Suspense>
    </>
  );
}
