import type { Identity, RequestFacts } from "@/lib/auth/identity";

/**
 * The bench account's root user as a console session would present it: the multi-account views
 * decide per request which accounts the caller may read (lib/auth/reachable-accounts.ts), and
 * the benches time that too.
 */
export function benchRoot(accountId: string): { identity: Identity; facts: RequestFacts } {
  const arn = `arn:aws:iam::${accountId}:root`;
  const signedIn = { type: "Root" as const, accountId, arn, userName: null, userId: accountId };
  return {
    identity: { type: "Root", accountId, arn, userId: accountId, signedIn, role: null, mfaAt: null, tokenIssuedAt: new Date(), accessKeyId: null, sessionIdHash: null },
    facts: { sourceIp: "127.0.0.1", userAgent: "bench", secure: false },
  };
}
