import type { APIRequestContext } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { CAROL_MFA_SECRET, DEMO_ROOTS, DEMO_USERS, demoRoot, demoUser } from "../../prisma/seed/demo-credentials";

// Signs a browser context in as a demo principal through the console's own sign-in API
// (POST /api/v1/session), with the documented demo credentials: the session cookie lands in the
// context, so its pages and its `request` act as that principal.

export type DemoAlias = (typeof DEMO_ROOTS)[number]["alias"];
export type DemoUserName = (typeof DEMO_USERS)[number]["userName"];

/** Who to sign in as: an account's root user, or an IAM user of the demo. */
export type SignInAs = { rootOf: DemoAlias } | { user: DemoUserName };

/** Anything with a browser context's request (a Page or a BrowserContext), or an API request context itself. */
type HasRequest = { request: APIRequestContext } | APIRequestContext;

const requestOf = (target: HasRequest): APIRequestContext => ("request" in target ? target.request : target);

const STEP_MS = 30_000;
/** carol's device: TOTP as the console verifies it (RFC 6238, SHA-1, 6 digits, 30 s). */
const carolDevice = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(CAROL_MFA_SECRET) });
/** The last time step whose code this run sent: the console accepts a step's code only once. */
let lastCarolStep = -1;

/** carol's code for a step not used yet, waiting for the next step when this one was. */
async function carolCode(): Promise<string> {
  let now = Date.now();
  if (Math.floor(now / STEP_MS) <= lastCarolStep) {
    await new Promise((resolve) => setTimeout(resolve, (lastCarolStep + 1) * STEP_MS - now + 100));
    now = Date.now();
  }
  lastCarolStep = Math.floor(now / STEP_MS);
  return carolDevice.generate({ timestamp: now });
}

/** The sign-in request's body for `who`, with carol's MFA code when she is the one. */
async function credentials(who: SignInAs): Promise<Record<string, string>> {
  if ("rootOf" in who) {
    const root = demoRoot(who.rootOf);
    return { rootEmail: root.rootEmail, password: root.password };
  }
  const user = demoUser(who.user);
  const body: Record<string, string> = { account: user.alias, userName: user.userName, password: user.password };
  if (user.userName === "carol") body.mfaCode = await carolCode();
  return body;
}

export const describeSignIn = (who: SignInAs): string => ("rootOf" in who ? `the root user of ${who.rootOf}` : who.user);

/**
 * Signs `target` (a page, its context or an API request context) in as `who`. A code of carol's may already have been
 * used in this step by a test that typed one itself: then the next step's code is tried once.
 */
export async function signIn(target: HasRequest, who: SignInAs): Promise<void> {
  const request = requestOf(target);
  let response = await request.post("/api/v1/session", { data: await credentials(who) });
  if (!response.ok() && "user" in who && who.user === "carol") {
    lastCarolStep = Math.max(lastCarolStep, Math.floor(Date.now() / STEP_MS));
    response = await request.post("/api/v1/session", { data: await credentials(who) });
  }
  if (!response.ok()) {
    throw new Error(`Signing in as ${describeSignIn(who)} answered ${response.status()}: ${await response.text()}`);
  }
}

/** Signs `target` out (DELETE /api/v1/session). */
export async function signOut(target: HasRequest): Promise<void> {
  const response = await requestOf(target).delete("/api/v1/session");
  if (!response.ok()) throw new Error(`Signing out answered ${response.status()}: ${await response.text()}`);
}

/** Switches `target`'s session to a role (POST /api/v1/session/role), decided as the signed-in principal. */
export async function switchRole(target: HasRequest, role: { account: string; roleName: string }): Promise<void> {
  const response = await requestOf(target).post("/api/v1/session/role", { data: role });
  if (!response.ok()) throw new Error(`Switching to ${role.roleName} in ${role.account} answered ${response.status()}: ${await response.text()}`);
}

/** Back from the role to the signed-in principal (DELETE /api/v1/session/role). */
export async function switchBack(target: HasRequest): Promise<void> {
  const response = await requestOf(target).delete("/api/v1/session/role");
  if (!response.ok()) throw new Error(`Switching back answered ${response.status()}: ${await response.text()}`);
}
