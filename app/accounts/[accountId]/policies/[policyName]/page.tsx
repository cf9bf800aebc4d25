import { Suspense } from "react";
import { PolicyDetail } from "@/components/policies/policy-detail";

export default async function PolicyPage({ params }: { params: Promise<{ accountId: string; policyName: string }> }) {
  const { accountId, policyName } = await params;
  return (
    <Suspense>
      {/* IAM names never contain "%", so decoding is safe whether or not the router already did. */}
      <PolicyDetail accountId={accountId} policyName={decodeURIComponent(policyName)} />
    </Suspense>
  );
}
