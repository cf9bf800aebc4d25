import Link from "next/link";
import type { ActionHit } from "@/lib/catalog/search";
import { AccessLevelBadge } from "./access-level-badge";
import { catalogPaths, type CatalogContext } from "./paths";
import { CatalogTable, cellClass, Code, rowClass } from "./table";

/** One page of action search results. */
export function ActionHits({ hits, ctx, caption }: { hits: ActionHit[]; ctx: CatalogContext; caption: string }) {
  return (
    <CatalogTable caption={caption} headers={["Action", "Service", "Access level"]}>
      {hits.map((hit) => (
        <tr key={`${hit.service}:${hit.name}`} className={rowClass}>
          <th scope="row" className={`${cellClass} font-semibold`}>
            <Link href={catalogPaths.action(ctx, hit.service, hit.name)} className="text-brand underline-offset-4 hover:underline">
              <Code>{`${hit.service}:${hit.name}`}</Code>
            </Link>
          </th>
          <td className={cellClass}>{hit.serviceName}</td>
          <td className={cellClass}>
            <AccessLevelBadge level={hit.accessLevel} />
          </td>
        </tr>
      ))}
    </CatalogTable>
  );
}
