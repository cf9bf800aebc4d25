import { CreateRoleForm } from "@/components/roles/create-role-form";
import { Breadcrumbs, PageHeader } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";

export const metadata = { title: "Create role" };

export default async function CreateRolePage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return (
    <>
      <Breadcrumbs items={[{ label: "Roles", href: paths.roles(accountId) }, { label: "Create role" }]} />
      <PageHeader title="Create role" description="A role gives temporary credentials to the principals its trust policy names." />
      <CreateRoleForm accountId={accountId} />
    </>
  );
}
