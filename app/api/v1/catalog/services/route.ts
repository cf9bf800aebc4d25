import { apiRoute, methodsNotAllowed } from "@/lib/api/route";
import { loadCatalog } from "@/lib/catalog/load";
import { searchServices } from "@/lib/catalog/search";
import { summarizeService } from "@/lib/catalog/service-view";
import { catalogServicesQuery } from "@/lib/schemas/catalog";

// GET ?search=s3: services whose prefix or name contains the text, with action counts per access level.
export const GET = apiRoute(
  async ({ query }) => ({ items: searchServices(loadCatalog(), query.search).map(summarizeService) }),
  { query: catalogServicesQuery },
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
