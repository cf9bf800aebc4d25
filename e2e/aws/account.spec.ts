import {
  CreateAccountAliasCommand,
  DeleteAccountAliasCommand,
  DeleteAccountPasswordPolicyCommand,
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  ListAccountAliasesCommand,
  UpdateAccountPasswordPolicyCommand,
  type IAMClient,
  type UserDetail,
} from "@aws-sdk/client-iam";
import { adminKeys, iamAt, PROD_ACCOUNT, uniqueName, userKeys, expect, test } from "../support/aws";
import { IamApi } from "../support/iam-api";

// API-only: the real IAM client against the E2E server's /aws (IAM API Reference: CreateAccountAlias,
// DeleteAccountAlias, ListAccountAliases, GetAccountPasswordPolicy, UpdateAccountPasswordPolicy,
// DeleteAccountPasswordPolicy, GetAccountSummary, GetAccountAuthorizationDetails,
// GenerateCredentialReport, GetCredentialReport). acme-prod's alias and password policy are put
// back as the demo has them whatever happens: later specs sign in by the alias.

const ADMIN_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";
const policyPath = `/api/v1/accounts/${PROD_ACCOUNT}/password-policy`;

/** The AWS error of a call that must fail. */
async function failure(call: Promise<unknown>): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number } }> {
  const err = await call.then(
    () => null,
    (e: unknown) => e as { name: string; message: string; $metadata: { httpStatusCode?: number } },
  );
  expect(err, "the call was expected to fail").not.toBeNull();
  return err ?? { name: "", message: "", $metadata: {} };
}

/** The user's detail from GetAccountAuthorizationDetails, paging through every user. */
async function userDetail(iam: IAMClient, userName: string): Promise<UserDetail | undefined> {
  let marker: string | undefined;
  do {
    const page = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ["User"], MaxItems: 500, Marker: marker }));
    const found = page.UserDetailList?.find((user) => user.UserName === userName);
    if (found) return found;
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return undefined;
}

test.describe("account operations through the AWS endpoint", () => {
  test("the account alias: replaced, refused when taken, deleted to none, and acme-prod again", async ({ request, baseURL }) => {
    const iam = iamAt(baseURL, await adminKeys(request, "aws-alias"));
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(["acme-prod"]);
    const alias = uniqueName("e2e-alias");
    try {
      await iam.send(new CreateAccountAliasCommand({ AccountAlias: alias }));
      expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([alias]);
      const taken = await failure(iam.send(new CreateAccountAliasCommand({ AccountAlias: "acme-dev" })));
      expect(taken).toMatchObject({ name: "EntityAlreadyExistsException", message: "The account alias acme-dev already exists.", $metadata: { httpStatusCode: 409 } });
      expect((await failure(iam.send(new CreateAccountAliasCommand({ AccountAlias: "Not_Valid" })))).name).toBe("ValidationError");
      expect((await failure(iam.send(new DeleteAccountAliasCommand({ AccountAlias: "acme-prod" })))).name).toBe("NoSuchEntityException");

      await iam.send(new DeleteAccountAliasCommand({ AccountAlias: alias }));
      expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([]);
      // The console still reads the account, which goes by its ID.
      const account = await request.get(`/api/v1/accounts/${PROD_ACCOUNT}`);
      expect(account.status()).toBe(200);
      expect(((await account.json()) as { alias: string }).alias).toBe(PROD_ACCOUNT);
    } finally {
      await iam.send(new CreateAccountAliasCommand({ AccountAlias: "acme-prod" }));
    }
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(["acme-prod"]);
  });

  test("the password policy: set, read back, deleted to NoSuchEntity, and the demo's again", async ({ request, baseURL }) => {
    const iam = iamAt(baseURL, await adminKeys(request, "aws-pwpolicy"));
    const before = (await (await request.get(policyPath)).json()) as { passwordPolicy: Record<string, unknown> | null };
    try {
      await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 16, RequireSymbols: true, AllowUsersToChangePassword: true, MaxPasswordAge: 30, PasswordReusePrevention: 3 }));
      expect((await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy).toEqual({
        MinimumPasswordLength: 16,
        RequireSymbols: true,
        RequireNumbers: false,
        RequireUppercaseCharacters: false,
        RequireLowercaseCharacters: false,
        AllowUsersToChangePassword: true,
        ExpirePasswords: true,
        MaxPasswordAge: 30,
        PasswordReusePrevention: 3,
        HardExpiry: false,
      });
      expect((await failure(iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 5 })))).name).toBe("ValidationError");
      await iam.send(new DeleteAccountPasswordPolicyCommand({}));
      const missing = await failure(iam.send(new GetAccountPasswordPolicyCommand({})));
      expect(missing).toMatchObject({ name: "NoSuchEntityException", message: `The Password Policy with domain name ${PROD_ACCOUNT} cannot be found.` });
    } finally {
      const restore = before.passwordPolicy === null ? await request.delete(policyPath) : await request.put(policyPath, { data: { ...before.passwordPolicy, ExpirePasswords: undefined } });
      expect([200, 204, 404]).toContain(restore.status());
    }
  });

  test("GetAccountSummary counts what the console counts", async ({ request, baseURL }) => {
    const iam = iamAt(baseURL, await adminKeys(request, "aws-summary"));
    const counts = await new IamApi(request).counts();
    const { SummaryMap: summary } = await iam.send(new GetAccountSummaryCommand({}));
    expect(summary).toMatchObject({ Users: counts.users, Groups: counts.groups, Roles: counts.roles, Policies: counts.policies, UsersQuota: 5000, AccessKeysPerUserQuota: 2 });
    expect(Object.keys(summary ?? {})).toHaveLength(34);
  });

  test("GetAccountAuthorizationDetails answers a user with its policies, and the AWS managed policy it uses", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-gaad");
    const iam = iamAt(baseURL, admin);
    const detail = await userDetail(iam, admin.userName);
    expect(detail).toMatchObject({ UserName: admin.userName, Arn: `arn:aws:iam::${PROD_ACCOUNT}:user/${admin.userName}`, AttachedManagedPolicies: [{ PolicyName: "AdministratorAccess", PolicyArn: ADMIN_ARN }] });
    const { Policies: policies, UserDetailList, RoleDetailList } = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ["AWSManagedPolicy"], MaxItems: 1000 }));
    expect(UserDetailList).toEqual([]);
    expect(RoleDetailList).toEqual([]);
    const administrator = policies?.find((policy) => policy.Arn === ADMIN_ARN);
    expect(administrator?.AttachmentCount).toBeGreaterThan(0);
    const current = administrator?.PolicyVersionList?.find((version) => version.IsDefaultVersion);
    expect(JSON.parse(decodeURIComponent(current?.Document ?? "")).Statement).toEqual([{ Effect: "Allow", Action: "*", Resource: "*" }]);
  });

  test("the credential report: STARTED, then COMPLETE, and the CSV with the root user first", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-report");
    const iam = iamAt(baseURL, admin);
    expect(await iam.send(new GenerateCredentialReportCommand({}))).toMatchObject({ State: "STARTED", Description: "No report exists. Starting a new report generation task" });
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe("COMPLETE");
    const report = await iam.send(new GetCredentialReportCommand({}));
    expect(report.ReportFormat).toBe("text/csv");
    const [header, root, ...rows] = Buffer.from(report.Content ?? new Uint8Array()).toString("utf8").split("\n");
    expect(header.split(",")).toHaveLength(22);
    expect(header.startsWith("user,arn,user_creation_time,password_enabled,")).toBe(true);
    expect(root.split(",").slice(0, 2)).toEqual(["<root_account>", `arn:aws:iam::${PROD_ACCOUNT}:root`]);
    expect(root.split(",")[3]).toBe("not_supported");
    const mine = rows.map((row) => row.split(",")).find((fields) => fields[0] === admin.userName);
    // No console password; its one access key active and just used (by these calls).
    expect(mine?.slice(3, 9)).toEqual(["false", "N/A", "N/A", "N/A", "false", "true"]);
    expect(mine?.[12]).toBe("iam");
  });

  test("a user without permission is refused in AWS's words", async ({ request, baseURL }) => {
    const userName = uniqueName("aws-account-nobody");
    await new IamApi(request).createUser(userName);
    const iam = iamAt(baseURL, await userKeys(request, userName));
    const denied = await failure(iam.send(new GetAccountAuthorizationDetailsCommand({})));
    expect(denied).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
    expect(denied.message).toBe(
      `User: arn:aws:iam::${PROD_ACCOUNT}:user/${userName} is not authorized to perform: iam:GetAccountAuthorizationDetails on resource: * because no identity-based policy allows the iam:GetAccountAuthorizationDetails action`,
    );
  });
});
