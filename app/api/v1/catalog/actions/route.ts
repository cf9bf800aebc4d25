import { apiRoute, methodsNotAllowed } from "@/lib/api/route";
import { loadCatalog } from "@/lib/catalog/load";
import { searchActions } from "@/lib/catalog/search";
import { catalogActionsQuery } from "@/lib/schemas/catalog";

// GET ?search=GetObject|s3:Get|s3:Get*Acl&page=&pageSize=: actions across every service, best match first.
export const GET = apiRoute(
  async ({ query: { search, page, pageSize } }) => ({ ...searchActions(loadCatalog(), search, page, pageSize), page, pageSize }),
  { query: catalogActionsQuery },
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
