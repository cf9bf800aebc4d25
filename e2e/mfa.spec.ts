import { Secret, TOTP } from "otpauth";
import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";

// A virtual MFA device as the AWS console assigns it: a QR code and its secret key, two
// consecutive codes to enable it (EnableMFADevice); then the user's sign-in asks for a code.
// The codes are computed here from the secret the page shows, as an authenticator app would
// (RFC 6238: SHA-1, 6 digits, 30 s; lib/auth/totp.ts verifies with the same library, which the
// browser-side test cannot import because it is server-only).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html

const STEP_MS = 30_000;
const PASSWORD = "E2e-Mfa-Passw0rd!";
const codeAt = (seed: string, timestamp: number) => new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(seed) }).generate({ timestamp });

test("enables MFA with two codes, then signs in with a code", async ({ page, iam, request, browser, baseURL }) => {
  const userName = uniqueName("e2e-mfa");
  await iam.createUser(userName);
  const profile = await request.put(`/api/v1/accounts/${PROD_ACCOUNT}/users/${userName}/login-profile`, { data: { password: PASSWORD, passwordResetRequired: false } });
  expect(profile.ok()).toBe(true);

  await page.goto(`/accounts/${PROD_ACCOUNT}/users/${userName}?tab=security-credentials`);
  await page.getByRole("button", { name: "Assign MFA device" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Device name")).toHaveValue(`${userName}-phone`);
  await dialog.getByRole("button", { name: "Next" }).click();
  await expect(dialog.getByRole("img", { name: /QR code of MFA device/ })).toBeVisible();
  await dialog.getByRole("button", { name: "Show secret key" }).click();
  const seed = ((await dialog.getByTestId("mfa-secret").textContent()) ?? "").trim();
  expect(seed).toMatch(/^[A-Z2-7]{32}$/);

  const enabledAt = Date.now();
  await dialog.getByLabel("MFA code 1").fill(codeAt(seed, enabledAt - STEP_MS));
  await dialog.getByLabel("MFA code 2").fill(codeAt(seed, enabledAt));
  await dialog.getByRole("button", { name: "Add MFA" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("table", { name: `MFA devices of ${userName}` }).getByRole("row", { name: new RegExp(`${userName}-phone`) });
  await expect(row).toContainText("Assigned");

  // Signing in now asks for a code; the two codes just used are spent, so the next step's is given.
  const context = await browser.newContext({ baseURL });
  const signInPage = await context.newPage();
  await signInPage.goto("/signin");
  await signInPage.getByLabel("Account ID (12 digits) or account alias").fill("acme-prod");
  await signInPage.getByLabel("IAM user name").fill(userName);
  await signInPage.getByLabel("Password").fill(PASSWORD);
  await signInPage.getByRole("button", { name: "Sign in", exact: true }).click();
  const step = Math.max(Math.floor(Date.now() / STEP_MS), Math.floor(enabledAt / STEP_MS) + 1);
  await signInPage.getByLabel("MFA code").fill(codeAt(seed, step * STEP_MS));
  await signInPage.getByRole("button", { name: "Submit" }).click();
  await expect(signInPage).not.toHaveURL(/\/signin/);
  await expect(signInPage.getByRole("banner").getByRole("button", { name: new RegExp(`Signed in as ${userName} @ acme-prod`) })).toContainText("MFA");
  await context.close();
});

test("deletes a device whose setup was never finished", async ({ page, iam }) => {
  const userName = uniqueName("e2e-mfa");
  await iam.createUser(userName);
  await page.goto(`/accounts/${PROD_ACCOUNT}/users/${userName}?tab=security-credentials`);
  await page.getByRole("button", { name: "Assign MFA device" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Next" }).click();
  await expect(dialog.getByRole("img", { name: /QR code of MFA device/ })).toBeVisible();
  // Leave without codes: the device stays unfinished when the page is reloaded mid-way.
  await page.reload();
  const row = page.getByRole("table", { name: `MFA devices of ${userName}` }).getByRole("row", { name: new RegExp(`${userName}-phone`) });
  await expect(row).toContainText("Not finished");
  await row.getByRole("button", { name: `Delete MFA device ${userName}-phone` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete MFA device" }).click();
  await expect(page.getByText("No MFA device assigned.")).toBeVisible();
});
