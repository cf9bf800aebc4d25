import Link from "next/link";
import type { ActionView } from "@/lib/catalog/service-view";
import { AccessLevelBadge } from "./access-level-badge";
import { catalogPaths, type CatalogContext } from "./paths";
import { CatalogTable, cellClass, Code, CodeList, rowClass } from "./table";

/** A service's actions: name, access level, resource types (* = required), condition keys, description. */
export function ServiceActions({ actions, ctx, caption }: { actions: ActionView[]; ctx: CatalogContext; caption: string }) {
  return (
    <CatalogTable caption={caption} headers={["Action", "Access level", "Resource types", "Condition keys", "Description"]}>
      {actions.map((action) => (
        <tr key={action.name} className={rowClass}>
          <th scope="row" className={`${cellClass} font-semibold`}>
            <Link href={catalogPaths.action(ctx, action.service, action.name)} className="text-brand underline-offset-4 hover:underline">
              {action.name}
            </Link>
          </th>
          <td className={cellClass}>
            <AccessLevelBadge level={action.accessLevel} />
          </td>
          <td className={cellClass}>
            <CodeList items={action.resourceTypes.map((type) => `${type.name}${type.required ? "*" : ""}`)} />
          </td>
          <td className={cellClass}>
            <CodeList items={action.conditionKeys.map((key) => key.key)} />
          </td>
          <td className={`${cellClass} min-w-80 text-muted`}>{action.description || "—"}</td>
        </tr>
      ))}
    </CatalogTable>
  );
}

export function ResourceTypesTable({ types, caption }: { types: { name: string; arn: string | null; conditionKeys: string[]; required?: boolean }[]; caption: string }) {
  const withRequired = types.some((type) => type.required !== undefined);
  return (
    <CatalogTable caption={caption} headers={["Resource type", ...(withRequired ? ["Required"] : []), "ARN format", "Condition keys"]}>
      {types.map((type) => (
        <tr key={type.name} className={rowClass}>
          <th scope="row" className={`${cellClass} font-semibold`}>
            <Code>{type.name}</Code>
          </th>
          {withRequired && <td className={cellClass}>{type.required ? "Yes" : "No"}</td>}
          <td className={cellClass}>{type.arn ? <Code>{type.arn}</Code> : <span className="text-muted">Not listed by the service</span>}</td>
          <td className={cellClass}>
            <CodeList items={type.conditionKeys} />
          </td>
        </tr>
      ))}
    </CatalogTable>
  );
}

export function ConditionKeysTable({ keys, caption }: { keys: { key: string; type: string | null; description: string }[]; caption: string }) {
  return (
    <CatalogTable caption={caption} headers={["Condition key", "Type", "Description"]}>
      {keys.map((key) => (
        <tr key={key.key} className={rowClass}>
          <th scope="row" className={`${cellClass} font-semibold`}>
            <Code>{key.key}</Code>
          </th>
          <td className={cellClass}>{key.type ?? "—"}</td>
          <td className={`${cellClass} text-muted`}>{key.description || "—"}</td>
        </tr>
      ))}
    </CatalogTable>
  );
}
