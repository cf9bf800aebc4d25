import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { ownPasswordRules } from "@/lib/auth/change-password";
import { requirePageSession, safeNext } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "Change password" };

/**
 * The signed-in principal's own password: chosen before anything else when an administrator asked
 * for a new one at next sign-in (or it expired), or changed at will from the identity menu.
 */
export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { session } = await requirePageSession();
  if (!session) redirect("/signin?next=%2Fchange-password");
  const query = await searchParams;
  const next = safeNext(typeof query.next === "string" ? query.next : undefined);
  const rules = await ownPasswordRules(session);
  return (
    <main className="mx-auto max-w-5xl px-8 py-8">
      <ChangePasswordForm forced={session.mustChangePassword} next={next} policy={rules.policy} userName={rules.userName} root={rules.root} />
    </main>
  );
}
