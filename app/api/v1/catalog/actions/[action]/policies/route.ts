import { apiRoute } from "@/lib/api/route";
import { findPoliciesForAction } from "@/lib/data/find-policies-for-action";
import { qualifiedAction } from "@/lib/schemas/catalog";

// GET: every managed (default version) and inline policy with a statement whose Action or
// NotAction matches the action (e.g. s3%3AGetObject), Allow or Deny.
export const GET = apiRoute<{ action: string }>(async ({ params }) =>
  findPoliciesForAction(qualifiedAction.parse(params.action)),
);
