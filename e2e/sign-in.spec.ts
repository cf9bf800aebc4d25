import { execFileSync } from "node:child_process";
import path from "node:path";
import { request as newRequest, type APIRequestContext, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { CAROL_MFA_SECRET, demoUser } from "../prisma/seed/demo-credentials";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";
import { layoutProblems } from "./support/layout-checks";
import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

// Signing in as the AWS console does: the sign-in page (an IAM user, then the MFA code), AWS's
// one answer to a wrong password, the forced password change at first sign-in, the lockout after
// 20 failures in 15 minutes, signing out, and an ended session sent back to sign in with the
// reason. Every test starts signed out.
// https://docs.aws.amazon.com/signin/latest/userguide/introduction-to-iam-user-sign-in-tutorial.html

test.use({ signInAs: null });

const INCORRECT = "Your authentication information is incorrect. Please try again.";
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");

/** Sign-in state arranged through the console's data layer, in this run's database (e2e/sign-in-state.ts). */
function arrange(...args: string[]): void {
  execFileSync(tsx, ["--conditions=react-server", "e2e/sign-in-state.ts", ...args], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
    stdio: "pipe",
  });
}

/** A request context of acme-prod's root user, for the administrator's side of a test. */
async function administrator(baseURL: string | undefined): Promise<APIRequestContext> {
  const request = await newRequest.newContext({ baseURL });
  await signIn({ request }, { rootOf: "acme-prod" });
  return request;
}

async function signInAsUser(page: Page, account: string, userName: string, password: string): Promise<void> {
  await page.getByLabel("Account ID (12 digits) or account alias").fill(account);
  await page.getByLabel("IAM user name").fill(userName);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** The sign-in form's error (Next's route announcer is an alert too). */
const alert = (page: Page, text: string | RegExp) => page.getByRole("alert").filter({ hasText: text });

const carolDevice = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(CAROL_MFA_SECRET) });

test.afterAll(() => {
  // The browser's wrong passwords counted against 127.0.0.1, which every spec signs in from.
  arrange("forget-address", "127.0.0.1");
});

test("a page asked for signed out goes to sign-in, and carol comes back to it with her MFA code and her name in the header", async ({ page }) => {
  await page.goto(`/accounts/${PROD_ACCOUNT}/users`);
  await expect(page).toHaveURL(`/signin?next=${encodeURIComponent(`/accounts/${PROD_ACCOUNT}/users`)}`);
  const carol = demoUser("carol");
  await signInAsUser(page, carol.alias, carol.userName, carol.password);
  await expect(page.getByRole("heading", { name: "Multi-factor authentication" })).toBeVisible();
  await page.getByLabel("MFA code").fill(carolDevice.generate());
  await page.getByRole("button", { name: "Submit" }).click();
  // Another spec may have used this 30-second step's code already: a code is accepted once, so wait for the next.
  const arrived = page.waitForURL(`/accounts/${PROD_ACCOUNT}/users`).then(() => "arrived" as const, () => "neither" as const);
  // A wrong code is said beside the code's field.
  const refused = page.getByText(INCORRECT).waitFor().then(() => "refused" as const, () => "neither" as const);
  if ((await Promise.race([arrived, refused])) === "refused") {
    await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 200);
    await page.getByLabel("MFA code").fill(carolDevice.generate());
    await page.getByRole("button", { name: "Submit" }).click();
    await page.waitForURL(`/accounts/${PROD_ACCOUNT}/users`);
  }
  const menu = page.getByRole("button", { name: /Signed in as carol @ acme-prod/ });
  await expect(menu).toBeVisible();
  await expect(menu).toContainText("MFA");
});

test("a wrong password is answered in AWS's words", async ({ page }) => {
  await page.goto("/signin");
  await signInAsUser(page, "acme-prod", "alice", "Not-Her-Passw0rd");
  await expect(alert(page, INCORRECT)).toBeVisible();
  await expect(page).toHaveURL("/signin");
});

test("the demo's people are one click away on this machine, and signing out ends the session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("region", { name: "Demo sign-ins" }).getByRole("button", { name: "Sign in as alice @ acme-prod" }).click();
  await expect(page).toHaveURL("/");
  const menu = page.getByRole("button", { name: /Signed in as alice @ acme-prod/ });
  await menu.click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL("/signin");
  await page.goto("/");
  await expect(page).toHaveURL("/signin");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("erin must choose a new password at her first sign-in, against the account's password policy", async ({ page, baseURL }) => {
  const erin = demoUser("erin");
  const admin = await administrator(baseURL);
  try {
    await page.goto("/signin");
    await signInAsUser(page, erin.alias, erin.userName, erin.password);
    await expect(page).toHaveURL("/change-password?next=%2F");
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    // Nothing else opens until she has.
    await page.goto(`/accounts/${PROD_ACCOUNT}`);
    await expect(page).toHaveURL(`/change-password?next=${encodeURIComponent(`/accounts/${PROD_ACCOUNT}`)}`);
    await page.getByLabel("Current password").fill(erin.password);
    const rule = page.getByRole("listitem").filter({ hasText: "At least 6 characters" });
    await expect(rule).toContainText("(not met yet)");
    await page.getByLabel("New password", { exact: true }).fill("Erin-Chose-2ndPass");
    await expect(rule).toContainText("(met)");
    await page.getByLabel("Confirm new password").fill("Erin-Chose-2ndPass");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(`/accounts/${PROD_ACCOUNT}`);
    await expect(page.getByRole("button", { name: /Signed in as erin @ acme-prod/ })).toBeVisible();
  } finally {
    // The demo's erin again: her documented password, to be changed at her next sign-in.
    const restored = await admin.put(`/api/v1/accounts/${PROD_ACCOUNT}/users/erin/login-profile`, { data: { password: erin.password, passwordResetRequired: true } });
    expect(restored.ok()).toBe(true);
    await admin.dispose();
  }
});

test("the 20th failed sign-in in 15 minutes locks the user, even against the right password", async ({ page, baseURL }) => {
  const userName = uniqueName("lockout");
  const password = "Lockout-Passw0rd!";
  const admin = await administrator(baseURL);
  try {
    expect((await admin.post(`/api/v1/accounts/${PROD_ACCOUNT}/users`, { data: { userName } })).ok()).toBe(true);
    expect((await admin.put(`/api/v1/accounts/${PROD_ACCOUNT}/users/${userName}/login-profile`, { data: { password } })).ok()).toBe(true);
  } finally {
    await admin.dispose();
  }
  arrange("fail", `arn:aws:iam::${PROD_ACCOUNT}:user/${userName}`, "19");
  await page.goto("/signin");
  await signInAsUser(page, "acme-prod", userName, "Wrong-Passw0rd!");
  await expect(alert(page, INCORRECT)).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(alert(page, /Too many failed sign-in attempts: sign-in for this user is locked until .+\. An administrator can unlock it sooner\./)).toBeVisible();
  await expect(page).toHaveURL("/signin");
});

test("an ended session is sent to sign-in, which says why and comes back after", async ({ page, context }) => {
  await signIn(context, { user: "bob" });
  await page.goto(`/accounts/${PROD_ACCOUNT}/roles`);
  await expect(page.getByRole("button", { name: /Signed in as bob @ acme-prod/ })).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name === "iam-session");
  expect(cookie).toBeDefined();
  arrange("end-session", cookie?.value ?? "");
  await page.reload();
  await expect(page).toHaveURL(`/signin?next=${encodeURIComponent(`/accounts/${PROD_ACCOUNT}/roles`)}&expired=1`);
  await expect(page.getByText("Your session has ended")).toBeVisible();
  const bob = demoUser("bob");
  await signInAsUser(page, bob.alias, bob.userName, bob.password);
  await expect(page).toHaveURL(`/accounts/${PROD_ACCOUNT}/roles`);
});

test("a session ended while its page is open: the page's next request goes to sign-in", async ({ page, context }) => {
  await signIn(context, { user: "dave" });
  await page.goto(`/accounts/${PROD_ACCOUNT}/roles`);
  await expect(page.getByRole("button", { name: /Signed in as dave @ acme-prod/ })).toBeVisible();
  arrange("end-session", (await context.cookies()).find((c) => c.name === "iam-session")?.value ?? "");
  // A client-side navigation: the layout is not rendered again, the API refuses the page's data.
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: /^Users/ }).click();
  await expect(page).toHaveURL(new RegExp(`/signin\\?next=${encodeURIComponent(`/accounts/${PROD_ACCOUNT}/`)}\\w+&expired=1$`));
  await expect(page.getByText("Your session has ended")).toBeVisible();
});

test("sign-in, the identity menu and change password read at 1280×720", async ({ page, context }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("/signin");
  await expect(page.getByRole("region", { name: "Demo sign-ins" })).toBeVisible();
  expect(await layoutProblems(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath("signin-1280x720.png") });
  await signIn(context, { user: "dave" });
  await page.goto("/change-password");
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
  await page.getByRole("button", { name: /Signed in as dave @ acme-prod/ }).click();
  await expect(page.getByRole("button", { name: "Sign out everywhere" })).toBeVisible();
  expect(await layoutProblems(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath("change-password-menu-1280x720.png") });
});
