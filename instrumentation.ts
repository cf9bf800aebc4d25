/**
 * Runs once when the server starts (Next.js instrumentation). Two answers need every policy
 * compiled: who-can keeps every principal's compiled policies (about a second to build at 10,000
 * users), and the catalog's "policies that allow or deny this action" compiles every managed
 * policy (about two seconds for AWS's 1,600). Both are prepared in the background now rather
 * than by the first request that needs them. IAM_WARM_UP=0 turns this off.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build" || process.env.IAM_WARM_UP === "0") return;
  setTimeout(() => void warmUp(), 0);
}

async function warmUp(): Promise<void> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const { loadInventory } = await import("@/lib/data/who-can-inventory");
    const inventory = await loadInventory();
    console.log(`› Who-can inventory ready: ${inventory.users.length} users, ${inventory.roles.length} roles in ${elapsed()} ms`);
    const { warmManagedPolicies } = await import("@/lib/data/action-policy-inventory");
    const compiled = await warmManagedPolicies();
    console.log(`› Managed policies compiled for the catalog: ${compiled} in ${elapsed()} ms`);
  } catch (error) {
    console.warn(`› Start-up warm-up stopped: ${error instanceof Error ? error.message : String(error)}`);
  }
}
