import { Suspense } from "react";
import { ListSkeleton } from "@/components/list/list-skeleton";
import { RolesList } from "@/components/roles/roles-list";
import { PermittedLink } from "@/components/ui/permitted";
import { PageHeader } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";
import { createCheck } from "@/lib/queries/permission-checks";

export const metadata = { title: "Roles" };

export default async function RolesPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return (
    <>
      <PageHeader
        title="Roles"
        description="Identities with temporary credentials, assumed by the principals their trust policy names."
        actions={<PermittedLink href={paths.newRole(accountId)} variant="primary" check={createCheck(accountId, "role")}>Create role</PermittedLink>}
      />
      <Suspense fallback={<ListSkeleton />}>
        <RolesList accountId={accountId} />
      </Suspense>
    </>
  );
}
