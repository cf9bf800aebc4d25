import { apiRoute, methodsNotAllowed } from "@/lib/api/route";
import { loadCatalog } from "@/lib/catalog/load";
import { searchActions } from "@/lib/catalog/search";
import { catalogActionsQuery } from "@/lib/schemas/catalog";

// GET ?search=GetObject|s3:Get|s3:Get*Acl&page=&pageSize=: actions across every service, best match first.
// The service catalog is open to any signed-in principal: it is AWS's public reference, not account data.
export const GET = apiRoute(
  async ({ query: { search, page, pageSize } }) => ({ ...searchActions(loadCatalog(), search, page, pageSize), page, pageSize }),
  { query: catalogActionsQuery, access: "signed-in" },
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
