import { test, expect } from "./support/test";
import { PROD_ACCOUNT } from "./support/iam-api";

test("browse to S3 → GetObject: Read, the object resource type's ARN format, AmazonS3ReadOnlyAccess allows it", async ({ page }) => {
  await page.goto(`/accounts/${PROD_ACCOUNT}`);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Service catalog" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Service catalog" })).toBeVisible();

  await page.getByRole("searchbox", { name: "Search actions and services" }).fill("s3");
  await page.getByRole("button", { name: "Search" }).click();
  const services = page.getByRole("table", { name: "Services matching s3" });
  await services.getByRole("link", { name: "Amazon S3", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Amazon S3/ })).toBeVisible();

  const actions = page.getByRole("table", { name: "Actions of Amazon S3" });
  const row = actions.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "GetObject", exact: true }) });
  await expect(row.getByText("Read", { exact: true })).toBeVisible();
  await row.getByRole("link", { name: "GetObject", exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: /^s3:GetObject/ })).toBeVisible();
  const types = page.getByRole("table", { name: "Resource types of s3:GetObject" });
  const object = types.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "object", exact: true }) });
  await expect(object).toContainText("arn:${Partition}:s3:::${BucketName}/${ObjectName}");

  const policies = page.getByRole("table", { name: "Policies that allow or deny s3:GetObject" });
  await expect(policies).toBeVisible();
  await page.getByRole("searchbox", { name: "Filter policies by name" }).fill("AmazonS3ReadOnlyAccess");
  await page.getByRole("button", { name: "Search" }).click();
  const readOnly = policies.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "AmazonS3ReadOnlyAccess", exact: true }) });
  await expect(readOnly.getByText("Allow", { exact: true })).toBeVisible();
  await expect(readOnly).toContainText("AWS managed");

  // The policy link opens the policy in the account the visitor came from.
  await readOnly.getByRole("link", { name: "AmazonS3ReadOnlyAccess" }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${PROD_ACCOUNT}/policies/AmazonS3ReadOnlyAccess$`));
});

test("search finds actions across services by name and by service:prefix", async ({ page }) => {
  await page.goto("/catalog?q=s3%3AGetObjectAc");
  const hits = page.getByRole("table", { name: "Actions matching s3:GetObjectAc" });
  await expect(hits.getByRole("link", { name: "s3:GetObjectAcl", exact: true })).toBeVisible();
  await expect(hits.getByRole("row")).toHaveCount(2);

  await page.goto("/catalog?q=nosuchactionanywhere");
  await expect(page.getByText("No action matches")).toBeVisible();
});
