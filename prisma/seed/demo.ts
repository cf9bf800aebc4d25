import { awsManagedPolicyArn, customerPolicyArn } from "@/lib/arn";
import { addUserToGroup } from "@/lib/data/add-user-to-group";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createAccessKey } from "@/lib/data/create-access-key";
import { createAccount } from "@/lib/data/create-account";
import { createGroup } from "@/lib/data/create-group";
import { createInstanceProfileForRole } from "@/lib/data/create-instance-profile";
import { createPolicy } from "@/lib/data/create-policy";
import { createPolicyVersion } from "@/lib/data/create-policy-version";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { createAccountBody } from "@/lib/schemas/account";
import { createGroupBody } from "@/lib/schemas/group";
import { createPolicyInput } from "@/lib/schemas/policy";
import { createRoleInput } from "@/lib/schemas/role";
import { createUserBody } from "@/lib/schemas/user";
import { DEV, MANAGEMENT, PROD, SECURITY } from "./demo-accounts";
import { demoRoot } from "./demo-credentials";
import { writeDemoSignIns, type DemoPasswordHashes } from "./demo-sign-ins";
import * as doc from "./documents";

// The demo accounts tell the IAM story through the same lib/data operations the console uses,
// so every row is valid by the console's own rules and the change log shows how it was built.

export { DEMO_ACCOUNTS, DEMO_ACCOUNT_IDS, DEV, MANAGEMENT, PROD, SECURITY } from "./demo-accounts";
export { hashDemoPasswords, type DemoPasswordHashes } from "./demo-sign-ins";

const aws = (name: string) => awsManagedPolicyArn("/", name);
const customer = (accountId: string, name: string) => customerPolicyArn(accountId, "/", name);
const tags = (team: string, costCenter: string) => [
  { key: "team", value: team },
  { key: "cost-center", value: costCenter },
];

async function user(accountId: string, userName: string, extra: { tags?: { key: string; value: string }[]; permissionsBoundaryArn?: string } = {}) {
  return createUser(accountId, createUserBody.parse({ userName, ...extra }));
}

async function group(accountId: string, groupName: string, policyArns: string[], members: string[]) {
  await createGroup(accountId, createGroupBody.parse({ groupName }));
  for (const arn of policyArns) await attachPolicy("group", accountId, groupName, arn);
  for (const member of members) await addUserToGroup(accountId, groupName, member);
}

async function policy(accountId: string, policyName: string, description: string, versions: string[]) {
  const [first, ...later] = versions;
  await createPolicy(accountId, createPolicyInput.parse({ policyName, description, policyDocument: first }));
  for (const policyDocument of later) await createPolicyVersion(accountId, policyName, { policyDocument, setAsDefault: true });
}

async function role(accountId: string, roleName: string, trustPolicy: string, description: string, policyArns: string[], path = "/") {
  await createRole(accountId, createRoleInput.parse({ roleName, trustPolicy, description, path }));
  for (const arn of policyArns) await attachPolicy("role", accountId, roleName, arn);
}

/** A demo account's CreateAccount body: its id and root email are those of demo-credentials.ts. */
function accountBody(alias: string, displayName: string) {
  const { accountId, rootEmail } = demoRoot(alias);
  return createAccountBody.parse({ accountId, alias, displayName, rootEmail });
}

/** Organizations' management account, where org-admin administers the organization. */
async function seedManagement(): Promise<void> {
  await createAccount(accountBody("acme-management", "Acme Management"));
  await user(MANAGEMENT, "org-admin");
  await attachPolicy("user", MANAGEMENT, "org-admin", aws("AdministratorAccess"));
}

/**
 * A member account, created by the management account as CreateAccount does: with the role
 * OrganizationAccountAccessRole, through which org-admin administers it.
 */
async function memberAccount(alias: string, displayName: string): Promise<void> {
  await createAccount(accountBody(alias, displayName), { managementAccountId: MANAGEMENT });
}

async function seedProduction(): Promise<void> {
  await memberAccount("acme-prod", "Acme Production");
  await policy(PROD, "DevBoundary", "Permissions boundary for developers: S3, CloudWatch and CloudWatch Logs only.", [doc.DEV_BOUNDARY_V1, doc.DEV_BOUNDARY_V2]);
  await policy(PROD, "AssumeRoleNamePolicy", "Lets its holders switch to the role RoleName.", [doc.ASSUME_ROLE_NAME]);
  await policy(PROD, "MyBucketReadOnly", "Read-only access to my_bucket (the bucket only: objects are not covered).", [doc.MY_BUCKET_READ_ONLY_V1, doc.MY_BUCKET_READ_ONLY_V2]);

  await user(PROD, "alice", { tags: tags("analytics", "CC-1001") });
  await user(PROD, "bob", { tags: tags("platform", "CC-2002") });
  await user(PROD, "carol", { tags: tags("security", "CC-3003") });
  await user(PROD, "dave", { tags: tags("platform", "CC-2002"), permissionsBoundaryArn: customer(PROD, "DevBoundary") });
  await user(PROD, "erin", { tags: tags("analytics", "CC-1001") });

  // Only Admins, the root user and OrganizationAccountAccessRole (org-admin's way in) can manage
  // IAM users: PowerUserAccess excludes iam:* but a few.
  await group(PROD, "Admins", [aws("AdministratorAccess")], ["carol"]);
  await group(PROD, "Developers", [aws("PowerUserAccess"), customer(PROD, "AssumeRoleNamePolicy")], ["bob"]);
  await group(PROD, "ReadOnly", [aws("AmazonS3ReadOnlyAccess")], ["alice"]);

  // Dave has PowerUserAccess, yet the boundary leaves him S3, CloudWatch and logs only.
  await attachPolicy("user", PROD, "dave", aws("PowerUserAccess"));
  // Erin may list my_bucket but not read its objects.
  await attachPolicy("user", PROD, "erin", customer(PROD, "MyBucketReadOnly"));
  await putInlinePolicy("user", PROD, "bob", "DevLogsReadOnly", doc.DEV_LOGS_READ_ONLY);

  await role(PROD, "RoleName", doc.trustAccount(PROD), "Read-only role that developers switch to.", [aws("ReadOnlyAccess")]);
  await role(PROD, "LambdaBasicExecution", doc.trustService("lambda.amazonaws.com"), "Execution role for the orders Lambda function.", [aws("service-role/AWSLambdaBasicExecutionRole")], "/service-role/");

  await createAccessKey(PROD, "alice");
}

async function seedDevelopment(): Promise<void> {
  await memberAccount("acme-dev", "Acme Development");
  await user(DEV, "frank", { tags: tags("platform", "CC-2002") });
  await user(DEV, "grace", { tags: tags("mobile", "CC-4004") });
  await attachPolicy("user", DEV, "frank", aws("AmazonEC2FullAccess"));
  await attachPolicy("user", DEV, "grace", aws("ReadOnlyAccess"));
  await role(DEV, "DeveloperRole", doc.trustAccount(DEV), "Broad developer access, without deletes of prod-tagged resources.", [aws("PowerUserAccess")]);
  await putInlinePolicy("role", DEV, "DeveloperRole", "DenyProdDeletes", doc.DENY_PROD_DELETES);
  await role(DEV, "EC2AppRole", doc.trustService("ec2.amazonaws.com"), "Instance role for the app servers.", [aws("AmazonS3ReadOnlyAccess")]);
  // As the AWS console does for an EC2 role: an instance profile of the same name holding it.
  await createInstanceProfileForRole(DEV, "EC2AppRole");
}

async function seedSecurity(): Promise<void> {
  await memberAccount("acme-security", "Acme Security");
  // Trusted by acme-prod, with MFA: a cross-account role.
  await role(SECURITY, "CrossAccountAuditor", doc.trustAccountWithMfa(PROD), "Audit role that acme-prod administrators assume with MFA.", [aws("SecurityAudit")]);
  await user(SECURITY, "sam", { tags: tags("security", "CC-3003") });
  await attachPolicy("user", SECURITY, "sam", aws("SecurityAudit"));
}

/**
 * Writes the demo accounts (DEMO_ACCOUNTS) with their sign-ins, the passwords hashed beforehand
 * (hashDemoPasswords). The caller makes sure none of them exists yet; inside writeAll
 * (lib/data/write.ts) every operation joins its one transaction, as the demo reset does.
 */
export async function seedDemo(passwords: DemoPasswordHashes): Promise<void> {
  await seedManagement();
  await seedProduction();
  await seedDevelopment();
  await seedSecurity();
  await writeDemoSignIns(passwords);
}
