import { validationError } from "@/lib/errors";

/**
 * IAM's list paging: MaxItems (100 unless given) and an opaque Marker that continues after the last
 * item answered; IsTruncated says whether there is more. The marker carries the key of the last
 * item (the lower-cased name lists are ordered by), so pages never overlap or skip items however
 * the list changes between calls.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUsers.html
 */

export const DEFAULT_MAX_ITEMS = 100;

export interface Paging {
  /** Continue after this key; null: from the start. */
  after: string | null;
  /** How many items to answer (read one more to learn whether the list goes on). */
  take: number;
}

const encode = (key: string) => Buffer.from(`k:${key}`, "utf8").toString("base64url");

function decode(marker: string): string {
  const text = Buffer.from(marker, "base64url").toString("utf8");
  if (!text.startsWith("k:")) throw validationError("Marker", "Marker is not one this endpoint answered; pass the Marker of the previous page unchanged.");
  return text.slice(2);
}

export function paging(input: { Marker?: string; MaxItems?: number }): Paging {
  return { after: input.Marker ? decode(input.Marker) : null, take: input.MaxItems ?? DEFAULT_MAX_ITEMS };
}

/** Rows read with `take + 1` as the page: the items, IsTruncated and the Marker of the next page. */
export function page<T>(rows: readonly T[], { take }: Paging, keyOf: (row: T) => string): { items: T[]; IsTruncated: boolean; Marker?: string } {
  if (rows.length <= take) return { items: [...rows], IsTruncated: false };
  const items = rows.slice(0, take);
  return { items, IsTruncated: true, Marker: encode(keyOf(items[items.length - 1])) };
}

/** The same over a list already read whole (short lists: a user's groups, a policy's versions). */
export function pageOfAll<T>(all: readonly T[], paged: Paging, keyOf: (row: T) => string): { items: T[]; IsTruncated: boolean; Marker?: string } {
  const start = paged.after === null ? 0 : all.findIndex((row) => keyOf(row) > (paged.after as string));
  return page(start < 0 ? [] : all.slice(start, start + paged.take + 1), paged, keyOf);
}
