/**
 * Runs once when the server starts (Next.js instrumentation). Who-can keeps every principal's
 * compiled policies in memory; building that the first time takes about a second at 10,000
 * users, so it is built in the background now rather than by the first who-can request.
 * IAM_WARM_UP=0 turns this off.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build" || process.env.IAM_WARM_UP === "0") return;
  setTimeout(() => {
    const started = performance.now();
    import("@/lib/data/who-can-inventory")
      .then(({ loadInventory }) => loadInventory())
      .then(
        (inventory) => console.log(`› Who-can inventory ready: ${inventory.users.length} users, ${inventory.roles.length} roles in ${Math.round(performance.now() - started)} ms`),
        (error: unknown) => console.warn(`› Who-can inventory not prepared at start: ${error instanceof Error ? error.message : String(error)}`),
      );
  }, 0);
}
