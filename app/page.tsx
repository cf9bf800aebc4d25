import { AccountsOverview } from "@/components/accounts/accounts-overview";
import { CreateAccountButton } from "@/components/accounts/create-account-dialog";
import { PageHeader } from "@/components/ui/misc";

export default function AccountsPage() {
  return (
    <main className="mx-auto max-w-7xl px-8 py-8">
      <PageHeader
        title="Accounts"
        description="Each account has its own users, groups, roles and policies. Choose one to manage it."
        actions={<CreateAccountButton />}
      />
      <AccountsOverview />
    </main>
  );
}
