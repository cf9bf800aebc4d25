import type { ReactNode } from "react";

// The catalog is the same for every account, so it lives outside /accounts/… and its side nav.
export default function CatalogLayout({ children }: { children: ReactNode }) {
  return <main className="mx-auto max-w-7xl px-8 py-8">{children}</main>;
}
