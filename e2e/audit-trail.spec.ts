import fs from "node:fs";
import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";
import { layoutProblems } from "./support/layout-checks";
import { signIn } from "./support/sign-in";

// The History page: the change log says who made each change, and the audit trail lists every
// attempt, allowed or denied, filtered by principal and outcome, exported as CloudTrail's JSON
// ("CloudTrail record contents"). Who-can reads each account through a role, as multi-account
// tools do: org-admin (acme-management) through OrganizationAccountAccessRole in every member
// account ("Accessing member accounts in your organization").
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_access.html

const MANAGEMENT_ACCOUNT = "111122223333";
const aliceArn = `arn:aws:iam::${PROD_ACCOUNT}:user/alice`;

test("the History page names who changed what, and the audit trail shows alice's refused write and exports it", async ({ page, browser, iam, baseURL }) => {
  // alice (read-only) tries to create a user in another browser; acme-prod's root creates one.
  const refusedName = uniqueName("refused");
  const aliceContext = await browser.newContext({ baseURL });
  await signIn(aliceContext, { user: "alice" });
  const refused = await aliceContext.request.post(`/api/v1/accounts/${PROD_ACCOUNT}/users`, { data: { userName: refusedName } });
  expect(refused.status()).toBe(403);
  await aliceContext.close();
  const createdName = uniqueName("audited");
  await iam.createUser(createdName);

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/accounts/${PROD_ACCOUNT}/history`);
  await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
  const changes = page.getByRole("list", { name: "Recent changes" });
  const change = changes.getByRole("listitem").filter({ hasText: createdName }).first();
  await expect(change).toContainText("By root user");
  await expect(change).toContainText(`arn:aws:iam::${PROD_ACCOUNT}:root`);

  await page.getByRole("tab", { name: "Audit trail" }).click();
  await page.getByLabel("Principal").selectOption(aliceArn);
  await page.getByLabel("Outcome").selectOption("denied");
  await expect(page).toHaveURL(/[?&]outcome=denied(&|$)/);
  const trail = page.getByRole("list", { name: "Audit trail" });
  const attempt = trail.getByRole("listitem").filter({ hasText: refusedName });
  await expect(attempt).toContainText("CreateUser");
  await expect(attempt).toContainText("Denied");
  await expect(attempt).toContainText(
    `AccessDenied: User: ${aliceArn} is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${PROD_ACCOUNT}:user/${refusedName} because no identity-based policy allows the iam:CreateUser action`,
  );
  // Only alice's refusals are listed.
  for (const item of await trail.getByRole("listitem").all()) await expect(item).toContainText(aliceArn);
  // Readable at 1280×720: nothing wider than the window, no word cut in two, no column of single words.
  expect(await layoutProblems(page)).toEqual([]);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export as CloudTrail JSON" }).click();
  const file = await (await download).path();
  const { Records } = JSON.parse(fs.readFileSync(file, "utf8")) as { Records: Record<string, unknown>[] };
  const record = Records.find((r) => (r.requestParameters as { userName?: string } | null)?.userName === refusedName);
  expect(record).toMatchObject({
    eventVersion: "1.08",
    eventSource: "iam.amazonaws.com",
    eventName: "CreateUser",
    awsRegion: "us-east-1",
    recipientAccountId: PROD_ACCOUNT,
    errorCode: "AccessDenied",
    eventCategory: "Management",
    userIdentity: { type: "IAMUser", arn: aliceArn, accountId: PROD_ACCOUNT, userName: "alice" },
  });
  expect(Records.every((r) => (r.userIdentity as { arn?: string }).arn === aliceArn && typeof r.errorCode === "string")).toBe(true);
});

test.describe("who-can across accounts", () => {
  test.use({ signInAs: { user: "org-admin" } });

  test("org-admin reads every member account through OrganizationAccountAccessRole", async ({ page }) => {
    // Who may create a user in acme-prod, asked from the management account.
    await page.goto(`/accounts/${MANAGEMENT_ACCOUNT}/who-can?action=iam%3ACreateUser&resource=*&resourceAccount=${PROD_ACCOUNT}`);
    const read = page.getByRole("list", { name: "Accounts read" });
    await expect(read.getByRole("listitem").filter({ hasText: "acme-management" })).toContainText("your account");
    for (const alias of ["acme-prod", "acme-dev", "acme-security"]) {
      await expect(read.getByRole("listitem").filter({ hasText: alias })).toContainText("read through OrganizationAccountAccessRole");
    }
    await expect(page.getByRole("list", { name: "Accounts not read" })).toHaveCount(0);
    await expect(page.getByRole("list", { name: "Allowed principals" })).toContainText(`arn:aws:iam::${PROD_ACCOUNT}:user/carol`);
  });
});

test.describe("who-can for a read-only user", () => {
  test.use({ signInAs: { user: "alice" } });

  test("alice is told which accounts she could not read, and why", async ({ page }) => {
    await page.goto(`/accounts/${PROD_ACCOUNT}/who-can?action=iam%3ACreateUser&resource=*`);
    const unread = page.getByRole("list", { name: "Accounts not read" });
    await expect(unread.getByRole("listitem").filter({ hasText: "acme-dev" })).toContainText(
      "Could not read: acme-dev (210987654321) — no role you may assume allows iam:GetAccountAuthorizationDetails",
    );
    await expect(unread.getByRole("listitem").filter({ hasText: "acme-prod" })).toContainText(
      `${aliceArn} is not authorized to perform: iam:GetAccountAuthorizationDetails on resource: *`,
    );
    await expect(page.getByRole("list", { name: "Allowed principals" })).toHaveCount(0);
  });
});
