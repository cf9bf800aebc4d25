import { AccountSettings } from "@/components/accounts/account-settings";

export default async function AccountSettingsPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return <AccountSettings accountId={accountId} />;
}
