import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { getServiceView } from "@/lib/catalog/service-view";
import { noSuchEntity } from "@/lib/errors";
import { servicePrefix } from "@/lib/schemas/catalog";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("service"));

// GET: one service with its actions, resource types (ARN formats) and condition keys; open to any
// signed-in principal, as the whole service catalog is.
export const GET = route(async ({ params }) => {
  const prefix = servicePrefix.parse(params.service);
  const view = getServiceView(prefix);
  if (!view) throw noSuchEntity(`The service ${prefix} is not in the action catalog.`, "service");
  return view;
}, { access: "signed-in" });

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
