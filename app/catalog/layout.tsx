import type { ReactNode } from "react";
import { CatalogFrame } from "@/components/catalog/catalog-frame";

// The catalog is the same for every account, so it lives outside /accounts/…; with `?account=`
// it shows that account's side nav (CatalogFrame).
export default function CatalogLayout({ children }: { children: ReactNode }) {
  return <CatalogFrame>{children}</CatalogFrame>;
}
