import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";
import { allowDocument, fillPolicyDocument } from "./support/policy-document";

const policiesPage = `/accounts/${PROD_ACCOUNT}/policies`;

test("creates a customer managed policy from a name and a document", async ({ page }) => {
  const policyName = uniqueName("e2e-policy");
  await page.goto(policiesPage);
  await page.getByRole("main").getByRole("link", { name: "Create policy" }).click();

  await page.getByLabel("Policy name").fill(policyName);
  await page.getByLabel("Description").fill("Read the e2e bucket.");
  await fillPolicyDocument(page, "Policy document", allowDocument(["s3:GetObject", "s3:ListBucket"], "arn:aws:s3:::e2e-bucket/*"));
  await page.getByRole("button", { name: "Create policy" }).click();

  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${policyName}`) })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(`arn:aws:iam::${PROD_ACCOUNT}:policy/${policyName}`);
  await expect(page.getByRole("main")).toContainText("s3:GetObject");

  await page.goto(policiesPage);
  // The scope is a segmented control: visually hidden radios inside their labels.
  await page.getByRole("group", { name: "Policy type" }).getByText("Customer managed").click();
  await expect(page.getByRole("radio", { name: "Customer managed" })).toBeChecked();
  await page.getByRole("searchbox", { name: "Search policies" }).fill(policyName);
  const table = page.getByRole("table", { name: /^Policies/ });
  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: policyName, exact: true }) });
  await expect(row).toContainText("Customer managed");
  await expect(row).toContainText("Read the e2e bucket.");
  await expect(table.getByRole("link")).toHaveCount(1);
});

test("a malformed document is refused with its problems shown next to the document", async ({ page }) => {
  const policyName = uniqueName("e2e-policy");
  await page.goto(`/accounts/${PROD_ACCOUNT}/create/policy`);
  await page.getByLabel("Policy name").fill(policyName);
  const documentInput = await fillPolicyDocument(
    page,
    "Policy document",
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Permit", Action: "s3:GetObject", Resource: "*" }] }),
  );
  await page.getByRole("button", { name: "Create policy" }).click();

  await expect(documentInput).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("list", { name: "Problems in the document" })).toContainText("Statement[0].Effect");
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${policyName}`) })).toHaveCount(0);
});
