// The demo's four accounts, apart from the seed's operations so that the browser may import
// them (the dashboard shows its guided path on acme-prod only) and the reset knows what to reset.

/** AWS Organizations' management account: it created the other three (CreateAccount). */
export const MANAGEMENT = "111122223333";
export const PROD = "123456789012";
export const DEV = "210987654321";
export const SECURITY = "444455556666";

/** Every account the seed writes and the demo reset restores, in the seed's order; no other account is touched. */
export const DEMO_ACCOUNTS = [
  { accountId: MANAGEMENT, alias: "acme-management" },
  { accountId: PROD, alias: "acme-prod" },
  { accountId: DEV, alias: "acme-dev" },
  { accountId: SECURITY, alias: "acme-security" },
] as const;

export const DEMO_ACCOUNT_IDS: readonly string[] = DEMO_ACCOUNTS.map((account) => account.accountId);
