import { test, expect } from "./support/test";
import { PROD_ACCOUNT } from "./support/iam-api";

// The step-through shows one evaluation gate at a time, in AWS's order, moved with Previous/Next
// or the keyboard (Left/Right, Home/End); the deciding gate is marked.

test("steps through erin's implicit deny one gate at a time, with the buttons and the keyboard", async ({ page, iam }) => {
  const userName = `step-${Date.now()}`;
  await iam.createUser(userName);
  await iam.attachUserPolicy(userName, `arn:aws:iam::${PROD_ACCOUNT}:policy/MyBucketReadOnly`);
  const query = new URLSearchParams({ principal: `user:${PROD_ACCOUNT}:${userName}`, action: "s3:GetObject", resource: "arn:aws:s3:::my_bucket/key.txt" });
  await page.goto(`/accounts/${PROD_ACCOUNT}/simulator?${query.toString()}`);

  const stepper = page.getByRole("region", { name: /Step through/ });
  // The shown gate: a group named by its heading, which takes focus when the gate changes.
  const gate = stepper.locator('[role="group"][aria-labelledby="gate-detail-title"]');
  const heading = gate.locator("#gate-detail-title");
  await expect(stepper.getByText("Gate 1 of 7")).toBeVisible();
  await expect(heading).toContainText("1. Any explicit deny?");
  // No deny found is not an allow.
  await expect(heading).toContainText("No deny found");
  await expect(heading).not.toContainText("Allows");
  await expect(gate).toContainText("Checks every policy");
  await expect(gate).toContainText("No Deny statement in any policy applies");

  await stepper.getByRole("button", { name: "Next gate →" }).click();
  await expect(stepper.getByText("Gate 2 of 7")).toBeVisible();
  await expect(heading).toContainText("2. Service control policies");
  await expect(heading).toContainText("Not applicable");

  // The keyboard: End, Home, then Right three times to the identity gate, which decided.
  await heading.focus();
  await page.keyboard.press("End");
  await expect(stepper.getByText("Gate 7 of 7")).toBeVisible();
  await expect(heading).toContainText("7. Session policy");
  await expect(stepper.getByRole("button", { name: "Next gate →" })).toBeDisabled();
  await page.keyboard.press("Home");
  await expect(stepper.getByText("Gate 1 of 7")).toBeVisible();
  await expect(stepper.getByRole("button", { name: "← Previous gate" })).toBeDisabled();
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  await expect(stepper.getByText("Gate 5 of 7")).toBeVisible();
  await expect(heading).toContainText("5. Identity-based policies");
  await expect(heading).toContainText("No allow");
  await expect(heading).toContainText("Decided here");
  await expect(heading).toBeFocused();
  await expect(gate).toContainText("No identity-based policy allows the action on the resource.");
  await expect(gate).toContainText("Nearly allowed by:");
  await page.keyboard.press("ArrowLeft");
  await expect(stepper.getByText("Gate 4 of 7")).toBeVisible();

  // The overview lists every gate; the deciding one is marked, the shown one is the current step.
  const overview = stepper.getByRole("list", { name: "Evaluation gates in AWS's order" });
  await expect(overview.getByRole("listitem")).toHaveCount(7);
  await expect(overview.locator('[data-decisive="true"]')).toHaveAttribute("data-gate", "identityPolicy");
  await expect(overview.locator('[aria-current="step"]')).toContainText("4. Resource-based policy");
  await stepper.getByRole("button", { name: "Go to the deciding gate" }).click();
  await expect(stepper.getByText("Gate 5 of 7")).toBeVisible();
  await expect(heading).toBeFocused();
});
