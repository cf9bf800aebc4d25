import type { ReactNode } from "react";
import { SideNav } from "./side-nav";

/**
 * An account's pages: the side navigation, which stays in view while the page scrolls, beside
 * the page's main content. `min-w-0` lets wide content (tables) scroll inside its own box
 * instead of widening the page.
 */
export function AccountFrame({ accountId, children }: { accountId: string; children: ReactNode }) {
  return (
    <div className="flex min-h-[calc(100vh-4rem)]">
      <SideNav accountId={accountId} />
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}
