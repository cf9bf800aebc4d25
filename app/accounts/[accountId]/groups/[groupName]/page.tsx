import { Suspense } from "react";
import { GroupDetail } from "@/components/groups/group-detail";

export default async function GroupPage({ params }: { params: Promise<{ accountId: string; groupName: string }> }) {
  const { accountId, groupName } = await params;
  return (
    <Suspense>
      {/* IAM names never contain "%", so decoding is safe whether or not the router already did. */}
      <GroupDetail accountId={accountId} groupName={decodeURIComponent(groupName)} />
    </Suspense>
  );
}
