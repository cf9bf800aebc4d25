import type { XmlValue } from "@/lib/aws/xml";

/** The shapes IAM's answers share (the IAM API Reference's data types). */

export const tagsOut = (tags: readonly { key: string; value: string }[]): XmlValue[] => tags.map((tag) => ({ Key: tag.key, Value: tag.value }));

/** AttachedPermissionsBoundary: a user's or role's boundary, or nothing. */
export const boundaryOut = (boundary: { arn: string } | null | undefined): XmlValue =>
  boundary ? { PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: boundary.arn } : undefined;

/** Policy documents are answered URL-encoded, as IAM returns them (the CLI decodes them). */
export const encodedDocument = (document: string): string => encodeURIComponent(document);

/** A stored ISO time (the data layer's answers) as a Date for the XML writer. */
export const when = (iso: string | Date | null | undefined): Date | undefined => (iso === null || iso === undefined ? undefined : iso instanceof Date ? iso : new Date(iso));
