// The demo's sign-in credentials. These are DEMO credentials, printed by `npm start` and listed in
// the README so a trainer can hand them out; a real account never has its passwords in code.
import { DEV, MANAGEMENT, PROD, SECURITY } from "./demo-accounts";

export { MANAGEMENT } from "./demo-accounts";

/** Each demo account's root user: its root email and console password. */
export const DEMO_ROOTS = [
  { accountId: MANAGEMENT, alias: "acme-management", rootEmail: "aws-management@acme.example", password: "Management-Root-Passw0rd!" },
  { accountId: PROD, alias: "acme-prod", rootEmail: "aws-prod@acme.example", password: "Prod-Root-Passw0rd!" },
  { accountId: DEV, alias: "acme-dev", rootEmail: "aws-dev@acme.example", password: "Dev-Root-Passw0rd!" },
  { accountId: SECURITY, alias: "acme-security", rootEmail: "aws-security@acme.example", password: "Security-Root-Passw0rd!" },
] as const;

/** Each demo IAM user's console password; only erin must choose a new one at first sign-in. */
export const DEMO_USERS = [
  { accountId: MANAGEMENT, alias: "acme-management", userName: "org-admin", password: "OrgAdmin-Passw0rd!", resetRequired: false },
  { accountId: PROD, alias: "acme-prod", userName: "alice", password: "Alice-Passw0rd!", resetRequired: false },
  { accountId: PROD, alias: "acme-prod", userName: "bob", password: "Bob-Passw0rd!", resetRequired: false },
  { accountId: PROD, alias: "acme-prod", userName: "carol", password: "Carol-Passw0rd!", resetRequired: false },
  { accountId: PROD, alias: "acme-prod", userName: "dave", password: "Dave-Passw0rd!", resetRequired: false },
  { accountId: PROD, alias: "acme-prod", userName: "erin", password: "Erin-Passw0rd!", resetRequired: true },
  { accountId: DEV, alias: "acme-dev", userName: "frank", password: "Frank-Passw0rd!", resetRequired: false },
  { accountId: DEV, alias: "acme-dev", userName: "grace", password: "Grace-Passw0rd!", resetRequired: false },
  { accountId: SECURITY, alias: "acme-security", userName: "sam", password: "Sam-Passw0rd!", resetRequired: false },
] as const;

/** carol's virtual MFA device: its name and base32 seed (add it to an authenticator app). */
export const CAROL_MFA_DEVICE = "carol-phone";
export const CAROL_MFA_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export const demoUser = (userName: string) => {
  const found = DEMO_USERS.find((user) => user.userName === userName);
  if (!found) throw new Error(`No demo user ${userName}`);
  return found;
};
export const demoRoot = (alias: string) => {
  const found = DEMO_ROOTS.find((root) => root.alias === alias);
  if (!found) throw new Error(`No demo account ${alias}`);
  return found;
};
