import type { Metadata } from "next";
import { Providers } from "@/components/shell/providers";
import { TopBar } from "@/components/shell/top-bar";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "IAM Console", template: "%s · IAM Console" },
  description: "Local-first IAM workbench",
};

// Every page is rendered per request: its Content-Security-Policy nonce (proxy.ts) is new each time.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers>
          <TopBar />
          {children}
        </Providers>
      </body>
    </html>
  );
}
