import { effectivePermissionsRoutes } from "@/lib/api/principal-routes";

export const { GET, POST, PUT, PATCH, DELETE } = effectivePermissionsRoutes("group");
