/**
 * Amazon Resource Names, built and read in one place ("IAM identifiers" in the IAM User Guide:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html). The console's own
 * entities live in the `aws` partition; reading accepts any partition, as policies may name one.
 */

export type IamEntityKind = "user" | "group" | "role" | "policy";

/** `path` starts and ends with "/"; the default path "/" gives arn:aws:iam::ACCOUNT:user/NAME. */
export const iamArn = (accountId: string, kind: IamEntityKind, path: string, name: string) =>
  `arn:aws:iam::${accountId}:${kind}${path}${name}`;

export const userArn = (accountId: string, path: string, name: string) => iamArn(accountId, "user", path, name);
export const groupArn = (accountId: string, path: string, name: string) => iamArn(accountId, "group", path, name);
export const roleArn = (accountId: string, path: string, name: string) => iamArn(accountId, "role", path, name);
export const customerPolicyArn = (accountId: string, path: string, name: string) => iamArn(accountId, "policy", path, name);
export const awsManagedPolicyArn = (path: string, name: string) => iamArn("aws", "policy", path, name);
export const mfaDeviceArn = (accountId: string, name: string) => `arn:aws:iam::${accountId}:mfa/${name}`;
export const accountRootArn = (accountId: string) => `arn:aws:iam::${accountId}:root`;

/** A role's session, as STS names it: arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION. */
export const assumedRoleArn = (accountId: string, roleName: string, sessionName: string) =>
  `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`;
/** A user's federated session (GetFederationToken): arn:aws:sts::ACCOUNT:federated-user/NAME. */
export const federatedUserArn = (accountId: string, name: string) => `arn:aws:sts::${accountId}:federated-user/${name}`;

export interface IamEntityArn {
  partition: string;
  /** Twelve digits, or "aws" for an AWS managed policy. */
  accountId: string;
  kind: IamEntityKind;
  /** Starts and ends with "/". */
  path: string;
  name: string;
}

const IAM_ENTITY = /^arn:([^:]+):iam::(\d{12}|aws):(user|group|role|policy)(\/.*)$/;

/** Reads a user, group, role or managed policy ARN; null for any other text. */
export function parseIamArn(arn: string): IamEntityArn | null {
  const match = IAM_ENTITY.exec(arn);
  if (!match) return null;
  const [, partition, accountId, kind, pathAndName] = match;
  const cut = pathAndName.lastIndexOf("/");
  const name = pathAndName.slice(cut + 1);
  if (!name) return null;
  return { partition, accountId, kind: kind as IamEntityKind, path: pathAndName.slice(0, cut + 1), name };
}

const ROOT = /^arn:([^:]+):iam::(\d{12}):root$/;

/** Reads an account's root-user ARN (arn:aws:iam::ACCOUNT:root); null for any other text. */
export function parseRootArn(arn: string): { partition: string; accountId: string } | null {
  const match = ROOT.exec(arn);
  return match ? { partition: match[1], accountId: match[2] } : null;
}

export type StsSessionArn =
  | { partition: string; accountId: string; kind: "assumed-role"; roleName: string; sessionName: string }
  | { partition: string; accountId: string; kind: "federated-user"; name: string };

const STS = /^arn:([^:]+):sts::(\d{12}):(assumed-role|federated-user)\/(.+)$/;

/**
 * Reads an STS session ARN: arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION (no role path) or
 * arn:aws:sts::ACCOUNT:federated-user/NAME; null for any other text.
 */
export function parseStsArn(arn: string): StsSessionArn | null {
  const match = STS.exec(arn);
  if (!match) return null;
  const [, partition, accountId, kind, rest] = match;
  const parts = rest.split("/");
  if (kind === "assumed-role") {
    return parts.length === 2 && parts[0] && parts[1] ? { partition, accountId, kind, roleName: parts[0], sessionName: parts[1] } : null;
  }
  return parts.length === 1 && parts[0] ? { partition, accountId, kind: "federated-user", name: parts[0] } : null;
}

export const isAccountId = (value: string): boolean => /^\d{12}$/.test(value);

const ROLE_RESOURCE = /^arn:[^:]+:iam::\d{12}:role\//;

/** Whether a resource ARN names an IAM role (whose resource-based policy is its trust policy). */
export function isRoleArn(resource: string): boolean {
  return ROLE_RESOURCE.test(resource);
}

const ARN_ACCOUNT = /^arn:[^:]+:[^:]*:[^:]*:(\d{12}):/;

/** The account an ARN names, or null (S3 bucket ARNs, AWS managed policies, `*`). */
export function arnAccount(arn: string): string | null {
  return ARN_ACCOUNT.exec(arn)?.[1] ?? null;
}
