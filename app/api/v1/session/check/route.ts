import { apiRoute, methodsNotAllowed } from "@/lib/api/route";
import { decideChecks } from "@/lib/api/session-checks";
import { sessionCheckBody } from "@/lib/schemas/session-check";

// POST: may the caller perform these requests? The console disables the buttons of writes the
// answer refuses, with AWS's reason; the server still decides each write when it is made. Any
// signed-in caller may ask about itself; asking writes nothing and is not audited.
export const POST = apiRoute(async ({ body, caller }) => ({ results: await decideChecks(caller.identity, caller.facts, body.checks) }), {
  body: sessionCheckBody,
  access: "signed-in",
});

export const { GET, HEAD, PUT, PATCH, DELETE } = methodsNotAllowed({ POST });
