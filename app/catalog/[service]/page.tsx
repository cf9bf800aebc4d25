import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { catalogContext, catalogPaths, textParam } from "@/components/catalog/paths";
import { ConditionKeysTable, ResourceTypesTable, ServiceActions } from "@/components/catalog/service-actions";
import { Breadcrumbs, EmptyState, PageHeader, Badge } from "@/components/ui/misc";
import { formatCount } from "@/components/ui/format";
import { getServiceView } from "@/lib/catalog/service-view";
import { ACCESS_LEVELS, type AccessLevel } from "@/lib/iam/client";
import { servicePrefix } from "@/lib/schemas/catalog";

type Params = Promise<{ service: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function serviceOf(raw: string) {
  const parsed = servicePrefix.safeParse(raw);
  return parsed.success ? getServiceView(parsed.data) : undefined;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const service = serviceOf((await params).service);
  return { title: service ? `${service.name} · Service catalog` : "Service catalog" };
}

const isLevel = (value: string): value is AccessLevel => (ACCESS_LEVELS as readonly string[]).includes(value);

export default async function ServicePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const service = serviceOf((await params).service);
  if (!service) notFound();
  const query = await searchParams;
  const ctx = catalogContext(query);
  const levelText = textParam(query, "level");
  const level = isLevel(levelText) ? levelText : null;
  const actions = level ? service.actions.filter((action) => action.accessLevel === level) : service.actions;
  const chip = (label: string, href: string, current: boolean) => (
    <Link
      key={label}
      href={href}
      aria-current={current ? "true" : undefined}
      className={`rounded-full border px-3.5 py-1.5 font-semibold ${current ? "border-brand bg-brand-soft text-brand-strong" : "border-line bg-surface hover:bg-subtle"}`}
    >
      {label}
    </Link>
  );

  return (
    <>
      <Breadcrumbs items={[{ label: "Service catalog", href: catalogPaths.home(ctx) }, { label: service.name }]} />
      <PageHeader
        title={service.name}
        badge={<Badge tone="neutral">prefix {service.prefix}</Badge>}
        description={`${formatCount(service.actionCount)} actions, ${formatCount(service.resourceTypes.length)} resource types, ${formatCount(service.conditionKeys.length)} condition keys.`}
      />
      <section aria-labelledby="actions-heading" className="flex flex-col gap-4">
        <h2 id="actions-heading" className="text-2xl font-bold">
          Actions
        </h2>
        <nav aria-label="Filter actions by access level" className="flex flex-wrap gap-2">
          {chip(`All (${formatCount(service.actionCount)})`, catalogPaths.service(ctx, service.prefix), level === null)}
          {ACCESS_LEVELS.filter((l) => service.accessLevelCounts[l] > 0).map((l) =>
            chip(`${l} (${formatCount(service.accessLevelCounts[l])})`, catalogPaths.service(ctx, service.prefix, { level: l }), level === l),
          )}
        </nav>
        <p className="text-muted">Resource types marked * are required: the action needs a resource of that type.</p>
        {actions.length === 0 ? (
          <EmptyState title="No actions">This service lists no actions{level ? ` at the ${level} access level` : ""}.</EmptyState>
        ) : (
          <ServiceActions actions={actions} ctx={ctx} caption={`Actions of ${service.name}${level ? `, ${level} access level` : ""}`} />
        )}
      </section>
      <section aria-labelledby="types-heading" className="mt-10 flex flex-col gap-4">
        <h2 id="types-heading" className="text-2xl font-bold">
          Resource types
        </h2>
        {service.resourceTypes.length === 0 ? (
          <EmptyState title="No resource types">Actions of this service apply to all resources (*).</EmptyState>
        ) : (
          <ResourceTypesTable types={service.resourceTypes} caption={`Resource types of ${service.name}`} />
        )}
      </section>
      <section aria-labelledby="keys-heading" className="mt-10 flex flex-col gap-4">
        <h2 id="keys-heading" className="text-2xl font-bold">
          Condition keys
        </h2>
        {service.conditionKeys.length === 0 ? (
          <EmptyState title="No service condition keys">Global condition keys (aws:…) still apply.</EmptyState>
        ) : (
          <ConditionKeysTable keys={service.conditionKeys} caption={`Condition keys of ${service.name}`} />
        )}
      </section>
    </>
  );
}
