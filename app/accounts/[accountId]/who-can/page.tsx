import { Suspense } from "react";
import { WhoCan } from "@/components/who-can/who-can";

export default async function WhoCanPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return (
    <Suspense>
      <WhoCan accountId={accountId} />
    </Suspense>
  );
}
