import { CreateGroupForm } from "@/components/groups/create-group-form";
import { Breadcrumbs, PageHeader } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";

export const metadata = { title: "Create group" };

export default async function CreateGroupPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return (
    <>
      <Breadcrumbs items={[{ label: "User groups", href: paths.groups(accountId) }, { label: "Create group" }]} />
      <PageHeader title="Create user group" />
      <CreateGroupForm accountId={accountId} />
    </>
  );
}
