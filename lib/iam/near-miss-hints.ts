/**
 * What would match a near miss's resource: the S3 bucket-versus-object case named outright, and
 * otherwise the resource type the catalog gives the action ("Actions, resources, and condition
 * keys" of the Service Authorization Reference), found by the type's ARN pattern with the
 * linter's matching (lint/applicable.ts), so the two never disagree on what an ARN can be.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
import type { ActionResourceType, CatalogIndex } from "./catalog";
import { fitsResourceType } from "./lint/applicable";

/** A statement names the bucket, the request an object in it (arn:aws:s3:::NAME vs arn:aws:s3:::NAME/key). */
export interface BucketObjectHint {
  bucketArn: string;
  /** The pattern that covers the bucket's objects: `${bucketArn}/*`. */
  objectsArn: string;
}

/** The action's resource type that the request's resource is, as the catalog defines it. */
export interface ResourceTypeHint {
  name: string;
  arn: string;
}

const BUCKET = /^arn:aws[a-z-]*:s3:::([^/*?]+)$/;

/**
 * "arn:aws:s3:::my_bucket" covers the bucket only: an object of it is
 * "arn:aws:s3:::my_bucket/key", matched by "arn:aws:s3:::my_bucket/*"
 * (Amazon S3 User Guide, "Policy resources for Amazon S3").
 */
export function bucketObjectHint(patterns: readonly string[], resource: string): BucketObjectHint | null {
  for (const pattern of patterns) {
    if (!BUCKET.test(pattern)) continue;
    if (resource.startsWith(`${pattern}/`) && resource.length > pattern.length + 1) return { bucketArn: pattern, objectsArn: `${pattern}/*` };
  }
  return null;
}

/** The resource type of `action` that `resource` is, or null (unknown action, or no type fits). */
export function resourceTypeHint(catalog: CatalogIndex | undefined, action: string, resource: string): ResourceTypeHint | null {
  const entry = catalog?.action(action);
  if (!catalog || !entry) return null;
  const types: ActionResourceType[] = catalog.resourceTypesOf(entry);
  for (const type of types) {
    if (type.arn !== null && fitsResourceType(type.arn, resource, catalog)) return { name: type.name, arn: type.arn };
  }
  return null;
}

/** A granted Resource pattern that no resource of the action can ever match (effective permissions). */
export interface UnreachableGrant {
  action: string;
  pattern: string;
  /** The action's resource types, with their ARN patterns. */
  resourceTypes: ResourceTypeHint[];
  bucketObject: BucketObjectHint | null;
  text: string;
}

/**
 * Whether a literal Resource pattern (no wildcard, no variable) fits none of the action's
 * resource types, e.g. s3:GetObject granted on arn:aws:s3:::my_bucket: the grant looks like
 * access yet never applies. Patterns with `*`, `?` or `${` are left alone (they might fit).
 */
export function unreachableGrant(catalog: CatalogIndex, action: string, pattern: string): UnreachableGrant | null {
  if (/[*?]|\$\{/.test(pattern) || !pattern.startsWith("arn:")) return null;
  const entry = catalog.action(action);
  if (!entry) return null;
  const types = catalog.resourceTypesOf(entry).filter((type): type is ActionResourceType & { arn: string } => type.arn !== null);
  if (types.length === 0 || types.some((type) => fitsResourceType(type.arn, pattern, catalog))) return null;
  const resourceTypes = types.map((type) => ({ name: type.name, arn: type.arn }));
  const isObjectAction = types.some((type) => entry.service === "s3" && type.name === "object");
  const bucketObject = isObjectAction && BUCKET.test(pattern) ? { bucketArn: pattern, objectsArn: `${pattern}/*` } : null;
  const kinds = resourceTypes.map((type) => `${type.name} (${type.arn})`).join(" or ");
  const text = bucketObject
    ? `${action} acts on objects; ${pattern} is the bucket, which does not cover its objects — objects are ${bucketObject.objectsArn}`
    : `${action} acts on ${kinds}; ${pattern} is none of these, so this grant never applies to it`;
  return { action, pattern, resourceTypes, bucketObject, text };
}
