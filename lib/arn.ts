// Every ARN of the console is built here ("IAM identifiers" in the IAM User Guide).

export type IamEntityKind = "user" | "group" | "role" | "policy";

/** `path` starts and ends with "/"; the default path "/" gives arn:aws:iam::ACCOUNT:user/NAME. */
export const iamArn = (accountId: string, kind: IamEntityKind, path: string, name: string) =>
  `arn:aws:iam::${accountId}:${kind}${path}${name}`;

export const userArn = (accountId: string, path: string, name: string) =>
  iamArn(accountId, "user", path, name);
export const groupArn = (accountId: string, path: string, name: string) =>
  iamArn(accountId, "group", path, name);
export const roleArn = (accountId: string, path: string, name: string) =>
  iamArn(accountId, "role", path, name);
export const customerPolicyArn = (accountId: string, path: string, name: string) =>
  iamArn(accountId, "policy", path, name);
export const awsManagedPolicyArn = (path: string, name: string) =>
  `arn:aws:iam::aws:policy${path}${name}`;
export const mfaDeviceArn = (accountId: string, name: string) =>
  `arn:aws:iam::${accountId}:mfa/${name}`;
export const accountRootArn = (accountId: string) => `arn:aws:iam::${accountId}:root`;
