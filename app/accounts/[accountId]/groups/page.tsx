import { Suspense } from "react";
import { ListSkeleton } from "@/components/list/list-skeleton";
import { GroupsList } from "@/components/groups/groups-list";
import { PermittedLink } from "@/components/ui/permitted";
import { PageHeader } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";
import { createCheck } from "@/lib/queries/permission-checks";

export const metadata = { title: "User groups" };

export default async function GroupsPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return (
    <>
      <PageHeader
        title="User groups"
        description="Collections of users that share permissions."
        actions={<PermittedLink href={paths.newGroup(accountId)} variant="primary" check={createCheck(accountId, "group")}>Create group</PermittedLink>}
      />
      <Suspense fallback={<ListSkeleton />}>
        <GroupsList accountId={accountId} />
      </Suspense>
    </>
  );
}
