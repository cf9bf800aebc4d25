import { Suspense } from "react";
import { ListSkeleton } from "@/components/list/list-skeleton";
import { PoliciesList } from "@/components/policies/policies-list";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";

export const metadata = { title: "Policies" };

export default async function PoliciesPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return (
    <>
      <PageHeader
        title="Policies"
        description="Managed policies: AWS managed (read-only) and customer managed in this account."
        actions={<ButtonLink href={paths.newPolicy(accountId)} variant="primary">Create policy</ButtonLink>}
      />
      <Suspense fallback={<ListSkeleton />}>
        <PoliciesList accountId={accountId} />
      </Suspense>
    </>
  );
}
