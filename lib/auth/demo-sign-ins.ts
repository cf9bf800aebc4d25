import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/passwords";
import { DEMO_ROOTS, DEMO_USERS } from "@/prisma/seed/demo-credentials";
import type { DemoSignIn } from "@/lib/schemas/session";

/**
 * Whether a request came from the console's own machine (the loopback network: 127.0.0.0/8 or
 * ::1), by the connection's address (scripts/server.mjs sets it; a client cannot choose it).
 */
export const isLoopbackAddress = (ip: string): boolean => ip === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip);

/** Verdicts by stored hash: a hash is checked once per process, and a new hash is a changed password. */
const unchanged = new Map<string, Promise<boolean>>();
const MAX_REMEMBERED = 64;

function stillSignsIn(password: string, hash: string | null): Promise<boolean> {
  if (hash === null) return Promise.resolve(false);
  const key = `${hash}\n${password}`;
  let verdict = unchanged.get(key);
  if (!verdict) {
    if (unchanged.size >= MAX_REMEMBERED) unchanged.clear();
    verdict = verifyPassword(password, hash);
    unchanged.set(key, verdict);
  }
  return verdict;
}

/**
 * The demo's people whose documented password still signs them in: the sign-in page offers them
 * as one-click choices to a browser on the console's own machine, and `npm start` prints them. A
 * demo account that is gone, or a password someone changed, drops out of the list (so a console
 * put to real use stops advertising the demo's passwords).
 */
export async function unchangedDemoSignIns(): Promise<DemoSignIn[]> {
  const accountIds = [...new Set(DEMO_ROOTS.map((root) => root.accountId))];
  const [accounts, users] = await Promise.all([
    db().account.findMany({ where: { id: { in: accountIds } }, select: { id: true, alias: true, rootEmail: true, rootPasswordHash: true } }),
    db().user.findMany({
      where: { OR: DEMO_USERS.map((user) => ({ accountId: user.accountId, nameLower: user.userName.toLowerCase() })) },
      select: { accountId: true, name: true, passwordHash: true, mfaDevices: { where: { enabledAt: { not: null } }, select: { name: true } } },
    }),
  ]);
  const byId = new Map(accounts.map((account) => [account.id, account]));
  const candidates: (DemoSignIn & { hash: string | null })[] = [];
  for (const demo of DEMO_USERS) {
    const account = byId.get(demo.accountId);
    const user = users.find((row) => row.accountId === demo.accountId && row.name.toLowerCase() === demo.userName.toLowerCase());
    if (!account || account.alias !== demo.alias || !user) continue;
    const mfa = user.mfaDevices.length > 0;
    candidates.push({ kind: "user", accountId: demo.accountId, alias: demo.alias, userName: user.name, rootEmail: null, password: demo.password, mfa, hash: user.passwordHash });
  }
  for (const demo of DEMO_ROOTS) {
    const account = byId.get(demo.accountId);
    if (!account || account.alias !== demo.alias || account.rootEmail.toLowerCase() !== demo.rootEmail.toLowerCase()) continue;
    candidates.push({ kind: "root", accountId: demo.accountId, alias: demo.alias, userName: null, rootEmail: demo.rootEmail, password: demo.password, mfa: false, hash: account.rootPasswordHash });
  }
  const verdicts = await Promise.all(candidates.map((candidate) => stillSignsIn(candidate.password, candidate.hash)));
  return candidates.filter((_, i) => verdicts[i]).map(({ hash: _hash, ...signIn }) => signIn);
}
