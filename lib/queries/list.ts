import { isRecord } from "@/lib/iam/client";
import { api } from "./api";

/** GET a collection that answers `{ items: [...] }` (or a bare array) and return the items. */
export async function getItems<T>(path: string): Promise<T[]> {
  const body = await api<unknown>(path);
  if (Array.isArray(body)) return body as T[];
  if (isRecord(body) && Array.isArray(body.items)) return body.items as T[];
  return [];
}
