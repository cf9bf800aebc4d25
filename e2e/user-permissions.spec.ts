import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";

const userPage = (userName: string, tab?: string) =>
  `/accounts/${PROD_ACCOUNT}/users/${encodeURIComponent(userName)}${tab ? `?tab=${tab}` : ""}`;

test("adds a user to a group", async ({ page, iam }) => {
  const userName = uniqueName("e2e-user");
  const groupName = uniqueName("e2e-group");
  await iam.createUser(userName);
  await iam.createGroup(groupName);

  await page.goto(userPage(userName, "groups"));
  await page.getByRole("button", { name: "Add user to groups" }).click();
  const picker = page.getByRole("dialog", { name: `Add ${userName} to groups` });
  await picker.getByRole("searchbox", { name: "Search groups" }).fill(groupName);
  await picker.getByRole("listitem").filter({ has: page.getByText(groupName, { exact: true }) }).getByRole("checkbox").check();
  await picker.getByRole("button", { name: "Add to groups (1)" }).click();
  await expect(picker).toBeHidden();

  const groups = page.getByRole("table", { name: `Groups of ${userName}` });
  await expect(groups.getByRole("link", { name: groupName })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Groups", selected: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Groups (1)" })).toBeVisible();
});

test("attaches an AWS managed policy found through the picker", async ({ page, iam }) => {
  const userName = uniqueName("e2e-user");
  const policyName = "IAMReadOnlyAccess";
  await iam.createUser(userName);

  await page.goto(userPage(userName));
  await expect(page.getByText("No managed policies are attached")).toBeVisible();
  await page.getByRole("button", { name: "Add permissions" }).click();
  const picker = page.getByRole("dialog", { name: `Attach policies to ${userName}` });
  await picker.getByLabel("Type").selectOption("AWS managed");
  await picker.getByRole("searchbox", { name: "Search policies" }).fill(policyName);
  // The one policy of that exact name, among ~1,600 AWS managed ones.
  const option = picker.getByRole("listitem").filter({ has: page.getByText(policyName, { exact: true }) });
  await expect(option).toContainText("AWS managed");
  await option.getByRole("checkbox").check();
  await picker.getByRole("button", { name: "Attach policies (1)" }).click();
  await expect(picker).toBeHidden();

  const attached = page.getByRole("table", { name: `Managed policies of ${userName}` });
  const row = attached.getByRole("row").filter({ has: page.getByRole("link", { name: policyName, exact: true }) });
  await expect(row).toContainText("AWS managed");
  await expect(row).toContainText("Directly");
  await expect(page.getByRole("heading", { name: "Permissions policies (1)" })).toBeVisible();
});

test("the change log shows the writes made to a user", async ({ page, iam }) => {
  const userName = uniqueName("e2e-user");
  const groupName = uniqueName("e2e-group");
  await iam.createUser(userName);
  await iam.createGroup(groupName);
  await iam.addUserToGroup(userName, groupName);
  await iam.attachUserPolicy(userName, "arn:aws:iam::aws:policy/ReadOnlyAccess");
  const accessKeyId = await iam.createAccessKey(userName);

  // The user's own history: the events whose target is the user.
  await page.goto(userPage(userName, "history"));
  const history = page.getByRole("list", { name: "Changes to this entity" });
  await expect(history.getByRole("listitem")).toHaveCount(3);
  await expect(history.getByRole("listitem").nth(0)).toContainText("CreateAccessKey");
  await expect(history.getByRole("listitem").nth(0)).toContainText(accessKeyId);
  await expect(history.getByRole("listitem").nth(1)).toContainText("AttachUserPolicy");
  await expect(history.getByRole("listitem").nth(1)).toContainText("ReadOnlyAccess");
  await expect(history.getByRole("listitem").nth(2)).toContainText("CreateUser");
  await expect(history.getByRole("listitem").nth(2)).toContainText(`Created user ${userName}`);

  // The account's recent changes, newest first, include the membership (its target is the group).
  await page.goto(`/accounts/${PROD_ACCOUNT}`);
  const recent = page.getByRole("list", { name: "Recent changes" });
  const event = (action: string, text: string) => recent.getByRole("listitem").filter({ hasText: action }).filter({ hasText: text });
  await expect(recent.getByRole("listitem").first()).toContainText("CreateAccessKey");
  await expect(event("CreateAccessKey", `Created access key ${accessKeyId} for user ${userName}`)).toBeVisible();
  await expect(event("AttachUserPolicy", userName)).toBeVisible();
  await expect(event("AddUserToGroup", `Added user ${userName} to group ${groupName}`)).toBeVisible();
  await expect(event("CreateGroup", groupName)).toBeVisible();
  await expect(event("CreateUser", `Created user ${userName}`)).toBeVisible();
});
