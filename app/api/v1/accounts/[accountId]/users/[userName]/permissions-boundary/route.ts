import { permissionsBoundaryRoutes } from "@/lib/api/principal-routes";

export const { PUT, DELETE, GET, HEAD, POST, PATCH } = permissionsBoundaryRoutes("user");
