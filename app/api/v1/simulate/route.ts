import { apiRoute, methodsNotAllowed } from "@/lib/api/route";
import { simulatePrincipal } from "@/lib/data/simulate-principal";
import { simulateBody } from "@/lib/schemas/simulation";

// POST: evaluates actions × resources as a stored principal or a sandbox of pasted policies.
// A POST because a simulation carries policy documents; nothing is written.
export const POST = apiRoute(async ({ body }) => simulatePrincipal(body), { body: simulateBody });

export const { GET, HEAD, PUT, PATCH, DELETE } = methodsNotAllowed({ POST });
