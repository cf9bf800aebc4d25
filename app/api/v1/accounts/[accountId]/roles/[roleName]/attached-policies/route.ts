import { attachedPolicyRoutes } from "@/lib/api/principal-routes";

export const { GET, POST, DELETE, PUT, PATCH } = attachedPolicyRoutes("role");
