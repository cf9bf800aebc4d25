// Arranges sign-in state for e2e/sign-in.spec.ts through the console's own data layer, against the
// E2E database (DATABASE_URL): run with `tsx --conditions=react-server e2e/sign-in-state.ts …`.
//   fail ARN COUNT     COUNT failed sign-ins of the principal ARN, spread over the last 10 minutes,
//                      the last one 61 s ago (so no delay is pending)
//   end-session TOKEN  ends the console session whose cookie is TOKEN (as 8 idle hours would)
//   forget-address IP  forgets the failed sign-ins counted against the source address IP
import { db } from "@/lib/db";
import { deleteSession, hashSessionToken } from "@/lib/auth/sessions";
import { addressKey, clearThrottle, recordFailures } from "@/lib/auth/throttle-store";

async function main(command: string | undefined, arg: string | undefined, count: string | undefined): Promise<void> {
  if (!process.env.DATABASE_URL?.includes("iam-e2e-")) throw new Error("Refusing to touch a database that is not an E2E run's own.");
  if (command === "fail" && arg && count) {
    const now = Date.now();
    const n = Number(count);
    for (let i = 0; i < n; i++) await recordFailures([{ key: arg, kind: "principal" }], now - 10 * 60_000 + Math.round((i * (10 * 60_000 - 61_000)) / Math.max(1, n - 1)));
    return;
  }
  if (command === "end-session" && arg) return deleteSession(hashSessionToken(arg));
  if (command === "forget-address" && arg) return clearThrottle(addressKey(arg));
  throw new Error(`Unknown command: ${[command, arg, count].filter(Boolean).join(" ")}`);
}

main(process.argv[2], process.argv[3], process.argv[4])
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  })
  .finally(() => db().$disconnect());
