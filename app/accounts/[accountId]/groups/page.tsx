import { Suspense } from "react";
import { ListSkeleton } from "@/components/list/list-skeleton";
import { GroupsList } from "@/components/groups/groups-list";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";

export const metadata = { title: "User groups" };

export default async function GroupsPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return (
    <>
      <PageHeader
        title="User groups"
        description="Collections of users that share permissions."
        actions={<ButtonLink href={paths.newGroup(accountId)} variant="primary">Create group</ButtonLink>}
      />
      <Suspense fallback={<ListSkeleton />}>
        <GroupsList accountId={accountId} />
      </Suspense>
    </>
  );
}
