import { Suspense } from "react";
import { ListSkeleton } from "@/components/list/list-skeleton";
import { PoliciesList } from "@/components/policies/policies-list";
import { PermittedLink } from "@/components/ui/permitted";
import { PageHeader } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";
import { createCheck } from "@/lib/queries/permission-checks";

export const metadata = { title: "Policies" };

export default async function PoliciesPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return (
    <>
      <PageHeader
        title="Policies"
        description="Managed policies: AWS managed (read-only) and customer managed in this account."
        actions={<PermittedLink href={paths.newPolicy(accountId)} variant="primary" check={createCheck(accountId, "policy")}>Create policy</PermittedLink>}
      />
      <Suspense fallback={<ListSkeleton />}>
        <PoliciesList accountId={accountId} />
      </Suspense>
    </>
  );
}
