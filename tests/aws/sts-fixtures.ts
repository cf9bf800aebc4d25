import { Secret, TOTP } from "otpauth";
import { addUserToGroup } from "@/lib/data/add-user-to-group";
import { createGroup } from "@/lib/data/create-group";
import { createMfaDevice } from "@/lib/data/create-mfa-device";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { enableMfaDevice } from "@/lib/data/enable-mfa-device";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { createGroupBody } from "@/lib/schemas/group";
import { createRoleInput } from "@/lib/schemas/role";
import { createUserBody } from "@/lib/schemas/user";
import { userCredentials, type Credentials } from "@/tests/support/aws";

// The STS tests' arrangements, made through the console's own lib/data functions: a user in a
// group allowed sts:AssumeRole (as the demo's bob), roles with trust and permission policies, and
// a virtual MFA device whose codes the tests compute with otpauth.

export const FACTS = { sourceIp: "127.0.0.1", userAgent: "vitest", secure: false };

export const roleArnOf = (accountId: string, name: string, path = "/") => `arn:aws:iam::${accountId}:role${path}${name}`;
export const userArnOf = (accountId: string, name: string) => `arn:aws:iam::${accountId}:user/${name}`;
export const sessionArnOf = (accountId: string, role: string, session: string) => `arn:aws:sts::${accountId}:assumed-role/${role}/${session}`;

export const policy = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
export const allowStatement = (action: string | string[], resource: string | string[] = "*", condition?: object) => ({
  Effect: "Allow",
  Action: action,
  Resource: resource,
  ...(condition ? { Condition: condition } : {}),
});

/** A trust policy letting `principal` (an account id or an ARN) take `actions` on the role, under `condition`. */
export const trust = (principal: string, actions: string[] = ["sts:AssumeRole"], condition?: object) =>
  policy({ Effect: "Allow", Principal: { AWS: /^\d{12}$/.test(principal) ? `arn:aws:iam::${principal}:root` : principal }, Action: actions, ...(condition ? { Condition: condition } : {}) });

export interface RoleSpec {
  name: string;
  trustPolicy: string;
  /** The role's inline permissions policy. */
  permissions?: string;
  maxSessionDuration?: number;
  tags?: { key: string; value: string }[];
  path?: string;
}

/** A role with its trust policy and (optionally) an inline permissions policy; answers its id and ARN. */
export async function makeRole(accountId: string, spec: RoleSpec): Promise<{ id: string; arn: string }> {
  const role = await createRole(
    accountId,
    createRoleInput.parse({ roleName: spec.name, path: spec.path ?? "/", trustPolicy: spec.trustPolicy, maxSessionDuration: spec.maxSessionDuration ?? 3600, tags: spec.tags ?? [] }),
  );
  if (spec.permissions) await putInlinePolicy("role", accountId, spec.name, "Permissions", spec.permissions);
  return { id: role.roleId, arn: role.arn };
}

/** A user (bob-like) in a group whose inline policy is `groupPolicy`; answers the user's long-term credentials. */
export async function userInGroup(accountId: string, userName: string, groupPolicy: string): Promise<Credentials> {
  await createUser(accountId, createUserBody.parse({ userName }));
  const groupName = `${userName}-group`;
  await createGroup(accountId, createGroupBody.parse({ groupName }));
  await addUserToGroup(accountId, groupName, userName);
  await putInlinePolicy("group", accountId, groupName, "Access", groupPolicy);
  return userCredentials(accountId, userName);
}

const STEP_MS = 30_000;

/** A user's enabled virtual MFA device with a seed of the test's: its serial number (ARN) and a code maker. */
export async function mfaDevice(accountId: string, userName: string, deviceName: string) {
  const seed = new Secret({ size: 20 }).base32;
  const device = await createMfaDevice(accountId, userName, deviceName, seed);
  const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(seed) });
  const now = Date.now();
  // Enabled with two consecutive codes of steps a little in the past, so the current step's code is still fresh.
  await enableMfaDevice(accountId, userName, deviceName, {
    authenticationCode1: totp.generate({ timestamp: now - 4 * STEP_MS }),
    authenticationCode2: totp.generate({ timestamp: now - 3 * STEP_MS }),
  });
  return { serialNumber: device.serialNumber, code: (at = Date.now()) => totp.generate({ timestamp: at }) };
}
