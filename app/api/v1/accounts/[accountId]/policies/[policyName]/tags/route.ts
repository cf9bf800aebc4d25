import { tagRoutes } from "@/lib/api/tag-routes";

export const { GET, PUT, DELETE, POST, PATCH } = tagRoutes("policy");
