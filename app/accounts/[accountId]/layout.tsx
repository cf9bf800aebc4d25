import type { ReactNode } from "react";
import { AccountFrame } from "@/components/shell/account-frame";

export default async function AccountLayout({ children, params }: { children: ReactNode; params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return <AccountFrame accountId={accountId}>{children}</AccountFrame>;
}
