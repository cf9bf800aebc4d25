import type { Metadata } from "next";
import { headers } from "next/headers";
import { SignInPanel } from "@/components/auth/sign-in-panel";
import { requestFacts } from "@/lib/auth/authenticate";
import { isLoopbackAddress, unchangedDemoSignIns } from "@/lib/auth/demo-sign-ins";
import { safeNext } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "Sign in" };

/**
 * The sign-in page, as the AWS console's: an IAM user or the root user, then the MFA code when
 * needed. A browser on the console's own machine is also offered the demo's people whose
 * documented password is unchanged, one click each; a browser elsewhere sees only the form.
 */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const next = safeNext(typeof query.next === "string" ? query.next : undefined);
  const facts = requestFacts(await headers(), "http://localhost/");
  const demo = isLoopbackAddress(facts.sourceIp) ? await unchangedDemoSignIns() : [];
  return (
    <main className="mx-auto max-w-5xl px-8 py-8">
      <SignInPanel next={next} expired={query.expired === "1"} demo={demo} />
    </main>
  );
}
