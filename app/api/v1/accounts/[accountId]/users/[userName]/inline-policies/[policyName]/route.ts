import { inlinePolicyRoutes } from "@/lib/api/principal-routes";

export const { GET, PUT, DELETE, POST, PATCH } = inlinePolicyRoutes("user");
