import { AccountDashboard } from "@/components/dashboard/account-dashboard";

export default async function AccountPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return <AccountDashboard accountId={accountId} />;
}
