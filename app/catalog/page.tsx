import type { Metadata } from "next";
import { ActionHits } from "@/components/catalog/action-hits";
import { PageLinks } from "@/components/catalog/page-links";
import { catalogContext, catalogPaths, pageParam, textParam } from "@/components/catalog/paths";
import { SearchForm } from "@/components/catalog/search-form";
import { ServiceList } from "@/components/catalog/service-list";
import { EmptyState, PageHeader } from "@/components/ui/misc";
import { formatCount } from "@/components/ui/format";
import { loadCatalogIndex } from "@/lib/catalog/load";
import { searchActions, searchServices } from "@/lib/catalog/search";
import { summarizeService } from "@/lib/catalog/service-view";

export const metadata: Metadata = { title: "Service catalog" };

const PAGE_SIZE = 50;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CatalogPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const ctx = catalogContext(params);
  const query = textParam(params, "q");
  const page = pageParam(params);
  const index = loadCatalogIndex();
  const { catalog } = index;
  const services = searchServices(catalog, query).map(summarizeService);
  const actions = query ? searchActions(catalog, query, page, PAGE_SIZE) : null;

  return (
    <>
      <PageHeader
        title="Service catalog"
        description={`${formatCount(catalog.services.length)} services and ${formatCount(index.actionCount)} actions with their access levels, resource types and condition keys (catalog data ${catalog.sourceVersion}).`}
      />
      <SearchForm
        action="/catalog"
        name="q"
        label="Search actions and services"
        value={query}
        placeholder="GetObject, s3:Get, s3:Get*Acl, lambda"
        keep={{ account: ctx.account }}
      />
      {actions && (
        <section aria-labelledby="actions-heading" className="mt-8 flex flex-col gap-4">
          <h2 id="actions-heading" className="text-2xl font-bold">
            Actions matching “{query}”
          </h2>
          {actions.total === 0 ? (
            <EmptyState title="No action matches">
              Try part of a name (<code>GetObject</code>), a service and the start of a name (<code>s3:Get</code>), or a
              wildcard (<code>s3:Get*Acl</code>).
            </EmptyState>
          ) : (
            <>
              <ActionHits hits={actions.items} ctx={ctx} caption={`Actions matching ${query}`} />
              <PageLinks page={page} pageSize={PAGE_SIZE} total={actions.total} noun="actions" href={(target) => catalogPaths.home(ctx, { q: query, page: target })} />
            </>
          )}
        </section>
      )}
      <section aria-labelledby="services-heading" className="mt-8 flex flex-col gap-4">
        <h2 id="services-heading" className="text-2xl font-bold">
          {query ? `Services matching “${query.split(":")[0]}”` : "Services"}
          <span className="ml-3 text-lg font-normal text-muted">{formatCount(services.length)}</span>
        </h2>
        {services.length === 0 ? (
          <EmptyState title="No service matches">Services are found by prefix (s3) or by name (Simple Storage).</EmptyState>
        ) : (
          <ServiceList services={services} ctx={ctx} caption={query ? `Services matching ${query}` : "Every service"} />
        )}
      </section>
    </>
  );
}
