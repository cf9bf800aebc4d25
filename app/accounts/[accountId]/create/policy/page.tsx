import { CreatePolicyForm } from "@/components/policies/create-policy-form";
import { Breadcrumbs, PageHeader } from "@/components/ui/misc";
import { paths } from "@/components/shell/paths";

export const metadata = { title: "Create policy" };

export default async function CreatePolicyPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return (
    <>
      <Breadcrumbs items={[{ label: "Policies", href: paths.policies(accountId) }, { label: "Create policy" }]} />
      <PageHeader title="Create policy" description="A customer managed policy: versioned, reusable, attachable to users, groups and roles." />
      <CreatePolicyForm accountId={accountId} />
    </>
  );
}
