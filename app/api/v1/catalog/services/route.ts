import { apiRoute, methodsNotAllowed } from "@/lib/api/route";
import { loadCatalog } from "@/lib/catalog/load";
import { searchServices } from "@/lib/catalog/search";
import { summarizeService } from "@/lib/catalog/service-view";
import { catalogServicesQuery } from "@/lib/schemas/catalog";

// GET ?search=s3: services whose prefix or name contains the text, with action counts per access level.
// The service catalog is open to any signed-in principal: it is AWS's public reference, not account data.
export const GET = apiRoute(
  async ({ query }) => ({ items: searchServices(loadCatalog(), query.search).map(summarizeService) }),
  { query: catalogServicesQuery, access: "signed-in" },
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
