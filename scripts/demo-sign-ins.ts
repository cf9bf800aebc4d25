import { db } from "@/lib/db";
import { unchangedDemoSignIns } from "@/lib/auth/demo-sign-ins";
import { CAROL_MFA_SECRET } from "@/prisma/seed/demo-credentials";

// `npm start` prints how to sign in to the demo: each demo person whose documented password is
// unchanged (lib/auth/demo-sign-ins.ts). Prints nothing once the demo is gone or its passwords
// are changed. These are demo credentials, also listed in the README.

async function main(): Promise<void> {
  const signIns = await unchangedDemoSignIns();
  if (signIns.length === 0) return;
  const url = `http://localhost:${process.env.PORT || "3000"}/signin`;
  const lines = signIns.map((signIn) => {
    const who = signIn.kind === "root" ? `root user    ${signIn.rootEmail}` : `IAM user     ${signIn.alias} / ${signIn.userName}`;
    return `    ${who.padEnd(52)} ${signIn.password}${signIn.mfa ? "   + MFA code" : ""}`;
  });
  console.log(`› Demo sign-ins at ${url} (demo credentials: change them before you share this console):`);
  console.log(lines.join("\n"));
  for (const signIn of signIns.filter((candidate) => candidate.mfa && candidate.userName)) {
    const app = signIn.userName === "carol" ? ` (or add the secret ${CAROL_MFA_SECRET} to an authenticator app)` : "";
    console.log(`    ${signIn.userName}'s MFA code: npm run --silent iam -- totp --account ${signIn.accountId} --user ${signIn.userName}${app}`);
  }
}

main()
  .catch((err: unknown) => console.error("Could not list the demo sign-ins:", err instanceof Error ? err.message : err))
  .finally(() => db().$disconnect());
