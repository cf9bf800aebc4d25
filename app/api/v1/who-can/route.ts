import { apiRoute, methodsNotAllowed } from "@/lib/api/route";
import { whoCan } from "@/lib/data/who-can";
import { whoCanQuery } from "@/lib/schemas/who-can";

// GET ?action=iam:CreateUser&resource=arn:…&resourceAccount=…&context=key%3Dvalue&page=&pageSize=:
// one page of the principals of every account allowed, with the path and statements behind it.
export const GET = apiRoute(async ({ query }) => whoCan(query), { query: whoCanQuery });

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
