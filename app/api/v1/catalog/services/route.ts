import { apiRoute, methodsNotAllowed, readQuery } from "@/lib/api/route";
import { loadCatalog } from "@/lib/catalog/load";
import { searchServices } from "@/lib/catalog/search";
import { summarizeService } from "@/lib/catalog/service-view";
import { catalogServicesQuery } from "@/lib/schemas/catalog";

// GET ?search=s3: services whose prefix or name contains the text, with action counts per access level.
export const GET = apiRoute(async ({ req }) => {
  const { search } = readQuery(req, catalogServicesQuery);
  return { items: searchServices(loadCatalog(), search).map(summarizeService) };
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
