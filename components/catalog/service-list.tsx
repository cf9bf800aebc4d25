import Link from "next/link";
import { formatCount } from "@/components/ui/format";
import { ACCESS_LEVELS } from "@/lib/iam/client";
import type { ServiceSummary } from "@/lib/catalog/service-view";
import { catalogPaths, type CatalogContext } from "./paths";
import { CatalogTable, cellClass, Code, rowClass } from "./table";

/** Services with their prefix and action counts per access level. */
export function ServiceList({ services, ctx, caption }: { services: ServiceSummary[]; ctx: CatalogContext; caption: string }) {
  return (
    <CatalogTable caption={caption} headers={["Service", "Prefix", "Actions", ...ACCESS_LEVELS]}>
      {services.map((service) => (
        <tr key={service.prefix} className={rowClass}>
          <th scope="row" className={`${cellClass} min-w-72 font-semibold`}>
            <Link href={catalogPaths.service(ctx, service.prefix)} className="text-brand underline-offset-4 hover:underline">
              {service.name}
            </Link>
          </th>
          <td className={cellClass}>
            <Code>{service.prefix}</Code>
          </td>
          <td className={`${cellClass} tabular-nums`}>{formatCount(service.actionCount)}</td>
          {ACCESS_LEVELS.map((level) => (
            <td key={level} className={`${cellClass} tabular-nums text-muted`}>
              {formatCount(service.accessLevelCounts[level])}
            </td>
          ))}
        </tr>
      ))}
    </CatalogTable>
  );
}
