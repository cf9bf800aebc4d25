import { Suspense } from "react";
import { RoleDetail } from "@/components/roles/role-detail";

export default async function RolePage({ params }: { params: Promise<{ accountId: string; roleName: string }> }) {
  const { accountId, roleName } = await params;
  return (
    <Suspense>
      {/* IAM names never contain "%", so decoding is safe whether or not the router already did. */}
      <RoleDetail accountId={accountId} roleName={decodeURIComponent(roleName)} />
    </Suspense>
  );
}
