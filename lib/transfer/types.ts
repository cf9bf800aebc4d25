/**
 * An account's IAM as `aws iam get-account-authorization-details` prints it, read into plain data
 * for import (parse-file.ts) and written by lib/data/import-account.ts. Pure types: nothing here
 * touches the database. Times are Dates; documents are JSON text (a document the file gave as an
 * object is serialized with JSON.stringify(value, null, 4), the aws CLI's own indentation; one
 * given URL-encoded, as the raw API answers, is decoded).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */

/**
 * Where in the file something was, as a path a person can follow in an editor:
 * `UserDetailList[3].AttachedManagedPolicies[1]`, prefixed with `page 2: ` when the file holds
 * several concatenated pages (the first page has no prefix when it is the only one).
 */
export type FilePath = string;

/** Something in the file that was not imported, and why (a rejected document, a refused name, a dangling reference, a duplicate). */
export interface Skipped {
  path: FilePath;
  reason: string;
}

/** Something imported differently from the file, and why (an AWS managed policy kept as the library has it, a new id). */
export interface ImportNote {
  path: FilePath;
  message: string;
}

export interface TagIn {
  key: string;
  value: string;
}

export interface InlinePolicyIn {
  name: string;
  document: string;
}

export interface UserIn {
  source: FilePath;
  path: string;
  name: string;
  /** The file's AIDA… id (the writer mints another when it is taken outside the account). */
  id: string;
  arn: string;
  createdAt: Date;
  inlinePolicies: InlinePolicyIn[];
  /** Names of groups of the same account that the file holds (references to others were skipped). */
  groups: string[];
  /** ARNs of managed policies, in the file's order: the account's own (in `policies`) or AWS managed ones. */
  attachedPolicyArns: string[];
  permissionsBoundaryArn: string | null;
  tags: TagIn[];
}

export interface GroupIn {
  source: FilePath;
  path: string;
  name: string;
  id: string;
  arn: string;
  createdAt: Date;
  inlinePolicies: InlinePolicyIn[];
  attachedPolicyArns: string[];
}

export interface InstanceProfileIn {
  source: FilePath;
  path: string;
  name: string;
  id: string;
  arn: string;
  createdAt: Date;
}

export interface RoleIn {
  source: FilePath;
  path: string;
  name: string;
  id: string;
  arn: string;
  createdAt: Date;
  description: string;
  maxSessionDuration: number;
  trustPolicy: string;
  /** The instance profiles the role is in (an instance profile holds one role). */
  instanceProfiles: InstanceProfileIn[];
  inlinePolicies: InlinePolicyIn[];
  attachedPolicyArns: string[];
  permissionsBoundaryArn: string | null;
  tags: TagIn[];
  /** RoleLastUsed; null when the file gives none (or an empty one). */
  lastUsed: { at: Date; region: string | null } | null;
}

export interface PolicyVersionIn {
  versionId: string;
  document: string;
  isDefaultVersion: boolean;
  createdAt: Date;
}

/** A customer managed policy of the account, with every version the file lists. */
export interface PolicyIn {
  source: FilePath;
  path: string;
  name: string;
  id: string;
  arn: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
  defaultVersionId: string;
  versions: PolicyVersionIn[];
}

/**
 * An AWS managed policy (arn:aws:iam::aws:policy/…) the file lists in Policies and the library
 * lacks: created read-only from the file. One the library has is not in this list (the library's
 * copy is kept; a difference is an ImportNote).
 */
export interface AwsManagedPolicyIn extends Omit<PolicyIn, "source"> {
  source: FilePath;
}

/** What one account of the file holds, ready to write: every reference inside it resolves. */
export interface AccountContent {
  /** The account written to: the ARNs' account, or the one the import was asked to write into. */
  accountId: string;
  /** The account id the file's ARNs name (equal to accountId unless the import was redirected). */
  fileAccountId: string;
  users: UserIn[];
  groups: GroupIn[];
  roles: RoleIn[];
  policies: PolicyIn[];
}

export interface ParsedAuthorizationFile {
  /** One per account the file's ARNs name (or the one target account), in the order first seen. */
  accounts: AccountContent[];
  /** AWS managed policies the library lacks, to create (shared by every account). */
  awsManagedPolicies: AwsManagedPolicyIn[];
  skipped: Skipped[];
  notes: ImportNote[];
  /** How many JSON documents (pages) the file held. */
  pages: number;
}

export interface ParseOptions {
  /**
   * Write everything into this account, whatever account the file's ARNs name: the ARNs of the
   * file's users, groups, roles, instance profiles and customer managed policies are rewritten
   * to it (documents are kept as written). A file naming several accounts is refused with it.
   */
  targetAccountId?: string;
  /** The library's AWS managed policies: ARN → the default version's document (JSON text). */
  awsManagedLibrary: ReadonlyMap<string, string>;
}

/** Where an import is: each phase counts its own work (entities checked, rows written). */
export interface ImportProgress {
  phase: "reading" | "checking" | "authorizing" | "writing" | "done";
  /** The account being written, in the writing phase. */
  accountId?: string;
  done: number;
  total: number;
}

/** What an import did to one account. */
export interface AccountImportReport {
  accountId: string;
  /** Whether the account was made by this import (false: its IAM was replaced). */
  created: boolean;
  imported: { users: number; groups: number; roles: number; policies: number; instanceProfiles: number };
  /** What the replacement removed (all zero for a new account). */
  removed: { users: number; groups: number; roles: number; policies: number; instanceProfiles: number };
  /** The writing transaction alone, in milliseconds. */
  transactionMs: number;
}

export interface ImportReport {
  accounts: AccountImportReport[];
  /** AWS managed policies created read-only from the file. */
  awsManagedCreated: number;
  skipped: Skipped[];
  notes: ImportNote[];
  /** The whole import, reading to commit, in milliseconds. */
  totalMs: number;
}

export interface EntityCounts {
  users: number;
  groups: number;
  roles: number;
  policies: number;
  instanceProfiles: number;
}

/**
 * What importing the file would do to one account, read before anything is written: the
 * confirmation a replacement needs shows `removes` (and some names of what goes).
 */
export interface AccountImportPreview {
  accountId: string;
  /** Whether the account exists (an import into it needs --replace / the confirmation). */
  exists: boolean;
  /** The existing account's alias, when it exists. */
  alias: string | null;
  incoming: EntityCounts;
  /** What a replacement removes: every user, group, role, customer managed policy and instance profile the account holds now. */
  removes: EntityCounts;
  /** Up to 20 names of each kind that a replacement removes, for the confirmation. */
  removedNames: { users: string[]; groups: string[]; roles: string[]; policies: string[] };
  /** Whether people are signed in as users of the account (a replacement signs them out). */
  signedInSessions: number;
}

export interface ImportPreview {
  accounts: AccountImportPreview[];
  awsManagedToCreate: number;
  skipped: Skipped[];
  notes: ImportNote[];
  pages: number;
}
