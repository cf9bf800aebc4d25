"use client";

import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { AccountFrame } from "@/components/shell/account-frame";
import { catalogContext } from "./paths";

/**
 * The catalog is the same for every account, so it lives outside /accounts/…; when the visitor
 * came from an account (`?account=` in the URL) it keeps that account's side navigation.
 */
export function CatalogFrame({ children }: { children: ReactNode }) {
  const { account } = catalogContext({ account: useSearchParams().get("account") ?? undefined });
  if (account) return <AccountFrame accountId={account}>{children}</AccountFrame>;
  return <main className="mx-auto max-w-7xl px-8 py-8">{children}</main>;
}
