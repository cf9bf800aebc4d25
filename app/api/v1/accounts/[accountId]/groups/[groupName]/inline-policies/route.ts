import { inlinePolicyListRoutes } from "@/lib/api/principal-routes";

export const { GET, POST, PUT, PATCH, DELETE } = inlinePolicyListRoutes("group");
