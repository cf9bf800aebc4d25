import type { Metadata } from "next";
import { cookies } from "next/headers";
import { Providers } from "@/components/shell/providers";
import { PRESENTER_CLASS, PRESENTER_COOKIE, isPresenterCookie } from "@/components/shell/presenter";
import { TopBar } from "@/components/shell/top-bar";
import { requirePageSession } from "@/lib/auth/page-session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "IAM Console", template: "%s · IAM Console" },
  description: "Local-first IAM workbench",
};

// Every page is rendered per request: its Content-Security-Policy nonce (proxy.ts) is new each time.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Presenter mode comes from a cookie, so the first HTML already has the projector layout.
  const presenter = isPresenterCookie((await cookies()).get(PRESENTER_COOKIE)?.value);
  // Every page is someone's: no session (or an ended one) goes to the sign-in page first.
  const { shell } = await requirePageSession();
  return (
    <html lang="en" className={presenter ? PRESENTER_CLASS : undefined}>
      <body className="min-h-screen">
        <Providers>
          <TopBar presenter={presenter} shell={shell} />
          {children}
        </Providers>
      </body>
    </html>
  );
}
