import { apiRoute, methodsNotAllowed } from "@/lib/api/route";
import { resetDemo } from "@/lib/data/reset-demo";

// POST: restores the three demo accounts to exactly what a fresh seed writes, in one transaction;
// every other account is left as it is. No body.
// Sign-in will declare this route's IAM action here: iam-console:ResetDemo.
export const POST = apiRoute(async () => resetDemo());

export const { GET, HEAD, PUT, PATCH, DELETE } = methodsNotAllowed({ POST });
