import { Suspense } from "react";
import { ListSkeleton } from "@/components/list/list-skeleton";
import { RolesList } from "@/components/roles/roles-list";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";

export const metadata = { title: "Roles" };

export default async function RolesPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return (
    <>
      <PageHeader
        title="Roles"
        description="Identities with temporary credentials, assumed by the principals their trust policy names."
        actions={<ButtonLink href={paths.newRole(accountId)} variant="primary">Create role</ButtonLink>}
      />
      <Suspense fallback={<ListSkeleton />}>
        <RolesList accountId={accountId} />
      </Suspense>
    </>
  );
}
