import { Suspense } from "react";
import { UserDetail } from "@/components/users/user-detail";

export default async function UserPage({ params }: { params: Promise<{ accountId: string; userName: string }> }) {
  const { accountId, userName } = await params;
  return (
    <Suspense>
      {/* IAM names never contain "%", so decoding is safe whether or not the router already did. */}
      <UserDetail accountId={accountId} userName={decodeURIComponent(userName)} />
    </Suspense>
  );
}
