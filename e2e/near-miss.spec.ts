import { test, expect } from "./support/test";
import { PROD_ACCOUNT } from "./support/iam-api";

// The my_bucket lesson: demo user erin holds only MyBucketReadOnly (s3:Get*/s3:List* on
// arn:aws:s3:::my_bucket, the bucket only), so s3:GetObject on an object is an implicit deny,
// and the simulator says which statement nearly allowed it and why it did not.

const OBJECT = "arn:aws:s3:::my_bucket/key.txt";
const EXPLANATION = "the request's resource arn:aws:s3:::my_bucket/key.txt is an object, which that ARN does not cover — objects are arn:aws:s3:::my_bucket/*";

test("the simulator explains erin's implicit deny on an object with its near miss", async ({ page }) => {
  const query = new URLSearchParams({ principal: `user:${PROD_ACCOUNT}:erin`, action: "s3:GetObject", resource: OBJECT });
  await page.goto(`/accounts/${PROD_ACCOUNT}/simulator?${query.toString()}`);

  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "s3:GetObject" }) });
  await expect(row).toContainText("Implicit deny");
  await expect(row).toContainText("No statement allows it");
  const brief = row.getByRole("list", { name: "Near misses" });
  await expect(brief.getByRole("link", { name: "MyBucketReadOnly" })).toHaveAttribute("href", `/accounts/${PROD_ACCOUNT}/policies/MyBucketReadOnly`);
  await expect(brief).toContainText("resource does not match");

  const stepper = page.getByRole("region", { name: /Step through/ });
  const misses = stepper.getByRole("list", { name: "Near misses" }).first();
  const miss = misses.getByRole("listitem").filter({ has: page.getByRole("link", { name: "MyBucketReadOnly" }) });
  await expect(miss).toContainText("statement 1 (ReadMyBucket)");
  await expect(miss).toContainText(`allows s3:Get*, s3:List* on arn:aws:s3:::my_bucket; ${EXPLANATION}`);
  // The statement's text is one click away.
  await miss.getByRole("button", { name: "statement 1 (ReadMyBucket)" }).click();
  await expect(stepper.locator("figure")).toContainText('"Resource": "arn:aws:s3:::my_bucket"');

  // An allowed request has no near misses.
  const listed = new URLSearchParams({ principal: `user:${PROD_ACCOUNT}:erin`, action: "s3:ListBucket", resource: "arn:aws:s3:::my_bucket" });
  await page.goto(`/accounts/${PROD_ACCOUNT}/simulator?${listed.toString()}`);
  await expect(page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "s3:ListBucket" }) })).toContainText("Allowed");
  await expect(page.getByRole("list", { name: "Near misses" })).toHaveCount(0);
});

test("who can's empty state lists the near misses when nobody is allowed", async ({ page }) => {
  // An account that is not in the console: every principal would need a bucket policy, and none
  // is given, so nobody is allowed; erin's statement still nearly matches.
  const query = new URLSearchParams({ action: "s3:GetObject", resource: OBJECT, resourceAccount: "999988887777" });
  await page.goto(`/accounts/${PROD_ACCOUNT}/who-can?${query.toString()}`);
  await expect(page.getByText(/Nobody in these accounts/)).toBeVisible();
  const misses = page.getByRole("list", { name: "Near misses" });
  const erin = misses.getByRole("listitem").filter({ has: page.getByRole("link", { name: "erin", exact: true }) });
  await expect(erin.getByRole("link", { name: "MyBucketReadOnly" })).toBeVisible();
  await expect(erin).toContainText(EXPLANATION);
});
