import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";

// Account settings' password policy editor (UpdateAccountPasswordPolicy's settings) held to AWS's
// bounds and enforced on the next console password; an access key's last use shown on its row
// after a request signed with it reached the running server.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccessKeyLastUsed.html

const policyPath = `/api/v1/accounts/${PROD_ACCOUNT}/password-policy`;

test("the password policy is edited in Account settings and holds the next console password to it", async ({ page, request, iam }) => {
  const before = await (await request.get(policyPath)).json();
  try {
    await page.goto(`/accounts/${PROD_ACCOUNT}/settings`);
    const editor = page.getByRole("form", { name: "Password policy" });
    const length = editor.getByRole("spinbutton", { name: "Minimum password length" });
    await length.fill("5");
    await editor.getByRole("checkbox", { name: /^Symbol/ }).check();
    await editor.getByRole("button", { name: "Save password policy" }).click();
    await expect(editor.getByText("Minimum password length must be a whole number from 6 to 128.")).toBeVisible();
    await expect(length).toHaveAttribute("aria-invalid", "true");
    // Nothing typed is lost to the refusal.
    await expect(editor.getByRole("checkbox", { name: /^Symbol/ })).toBeChecked();

    await length.fill("14");
    await editor.getByRole("checkbox", { name: "Prevent password reuse" }).check();
    await editor.getByRole("spinbutton", { name: "Previous passwords remembered" }).fill("3");
    await editor.getByRole("button", { name: "Save password policy" }).click();
    await expect(page.getByText("Password policy saved.")).toBeVisible();
    await page.reload();
    await expect(length).toHaveValue("14");
    await expect(editor.getByRole("spinbutton", { name: "Previous passwords remembered" })).toHaveValue("3");
    await expect(editor.getByText("At least 14 characters")).toBeVisible();

    // The next console password is held to it: the dialog lists the account's rules, the server refuses.
    const userName = uniqueName("e2e-pwpolicy");
    await iam.createUser(userName);
    await page.goto(`/accounts/${PROD_ACCOUNT}/users/${encodeURIComponent(userName)}?tab=security-credentials`);
    await page.getByRole("button", { name: "Enable console access" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("list", { name: "Password rules" })).toContainText("At least 14 characters");
    await dialog.getByLabel("Console password").fill("Short-Pass1!");
    await dialog.getByRole("button", { name: "Enable console access" }).click();
    await expect(dialog.getByText("Password must be at least 14 characters long.")).toBeVisible();
  } finally {
    // Later specs expect the demo's own policy.
    const restore = before.passwordPolicy === null ? await request.delete(policyPath) : await request.put(policyPath, { data: { ...before.passwordPolicy, ExpirePasswords: undefined } });
    expect(restore.ok()).toBe(true);
  }
});

test("an access key's row says when, for which service and where it was last used", async ({ page, request, iam, baseURL }) => {
  const userName = uniqueName("e2e-signer");
  await iam.createUser(userName);
  await iam.attachUserPolicy(userName, "arn:aws:iam::aws:policy/IAMReadOnlyAccess");
  const created = await request.post(`/api/v1/accounts/${PROD_ACCOUNT}/users/${encodeURIComponent(userName)}/access-keys`);
  const key = (await created.json()) as { accessKeyId: string; secretAccessKey: string };

  await page.goto(`/accounts/${PROD_ACCOUNT}/users/${encodeURIComponent(userName)}?tab=security-credentials`);
  const row = page.getByRole("row", { name: new RegExp(key.accessKeyId) });
  await expect(row).toContainText("Never used");

  // A script's request to the running console, signed as the AWS SDK signs it.
  const url = new URL(`/api/v1/accounts/${PROD_ACCOUNT}/users`, baseURL);
  const signer = new SignatureV4({ credentials: key, region: "us-east-1", service: "iam", sha256: Hash.bind(null, "sha256") });
  const signed = await signer.sign(new HttpRequest({ method: "GET", protocol: "http:", hostname: url.hostname, port: Number(url.port), path: url.pathname, headers: { host: url.host } }));
  // fetch sends the URL's host itself.
  const headers = Object.fromEntries(Object.entries(signed.headers).filter(([name]) => name !== "host"));
  const answer = await fetch(url, { headers });
  expect(answer.status).toBe(200);
  const forged = await fetch(url, { headers: { ...headers, authorization: headers.authorization.replace(/Signature=\w+/, `Signature=${"0".repeat(64)}`) } });
  expect(forged.status).toBe(403);
  expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("SignatureDoesNotMatch");

  await page.reload();
  await expect(row).toContainText("Last used just now · iam · us-east-1");
});
