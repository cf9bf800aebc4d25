import "server-only";

type NameLike = { nameLower: { contains: string } };

/**
 * The `where` fragment for "name contains `search`, case-insensitively". Prisma's `contains`
 * becomes SQL LIKE, which reads "_" as "any one character" without an escape, and IAM names may
 * contain "_": such a search is first run as LIKE (a superset), then narrowed exactly in memory
 * to ids. `candidates` runs the LIKE query within the caller's other conditions.
 */
export async function nameSearchWhere(
  search: string,
  candidates: (like: NameLike) => Promise<{ id: string; nameLower: string }[]>,
): Promise<NameLike | { id: { in: string[] } } | Record<string, never>> {
  const needle = search.toLowerCase();
  if (!needle) return {};
  const like = { nameLower: { contains: needle } };
  if (!needle.includes("_")) return like;
  const ids = (await candidates(like)).filter((c) => c.nameLower.includes(needle)).map((c) => c.id);
  return { id: { in: ids } };
}
