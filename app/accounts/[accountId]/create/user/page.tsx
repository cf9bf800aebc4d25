import { CreateUserForm } from "@/components/users/create-user-form";
import { Breadcrumbs, PageHeader } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";

export const metadata = { title: "Create user" };

export default async function CreateUserPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return (
    <>
      <Breadcrumbs items={[{ label: "Users", href: paths.users(accountId) }, { label: "Create user" }]} />
      <PageHeader title="Create user" />
      <CreateUserForm accountId={accountId} />
    </>
  );
}
