import type { ReactNode } from "react";
import { SideNav } from "@/components/shell/side-nav";

export default async function AccountLayout({ children, params }: { children: ReactNode; params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return (
    <div className="flex min-h-[calc(100vh-4rem)]">
      <SideNav accountId={accountId} />
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}
