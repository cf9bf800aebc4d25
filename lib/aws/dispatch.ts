import "server-only";
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { guardRequest } from "@/lib/api/guard";
import { checkDeclaredBody, declaresBody, markArrival, readBody, type BodyRules } from "@/lib/api/body";
import { audit } from "@/lib/api/route";
import { isSigned, missingAuthentication, requestFacts, signedCaller } from "@/lib/auth/authenticate";
import { accessDenied, decideOperations, type Operation } from "@/lib/auth/authorize";
import { runAsCaller, type Caller } from "@/lib/auth/caller";
import type { RequestFacts } from "@/lib/auth/identity";
import { httpError, toIamError } from "@/lib/errors";
import { decodeParameters } from "@/lib/aws/query";
import { findOperation } from "@/lib/aws/registry";
import { API_VERSION, errorXml, resultXml, type AwsService } from "@/lib/aws/xml";

/**
 * The AWS endpoint (/aws): IAM's and STS's Query APIs as the AWS CLI and SDKs call them. The
 * service is the SigV4 credential scope's, the operation the Action parameter. Every call passes
 * the console's own door: the same request checks, SigV4 with the console's keys (and STS's
 * temporary credentials), the engine's decision on the same IAM operations, the same audit trail
 * and change log. Answers are AWS's XML, errors AWS's ErrorResponse with AWS's codes.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/welcome.html
 */

const FORM: BodyRules = { types: ["application/x-www-form-urlencoded"] };
const SERVICES: readonly AwsService[] = ["iam", "sts"];

const xml = (body: string, status: number, requestId: string): Response =>
  new Response(body, { status, headers: { "Content-Type": "text/xml", "x-amzn-RequestId": requestId, "Cache-Control": "no-store" } });

/** Parameters keyed in camelCase for the audit trail, as CloudTrail writes requestParameters. */
function auditInput(input: unknown): Record<string, unknown> | null {
  if (!input || typeof input !== "object") return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) if (key !== "Action" && key !== "Version") out[key.charAt(0).toLowerCase() + key.slice(1)] = value;
  return out;
}

/**
 * "/aws/" when scripts/server.mjs handed a request for "/aws/" (the SDKs' form of the endpoint) to
 * Next as "/aws": the path the client signed. Only that one spelling of this endpoint is taken, so
 * a signature made for another path never passes here.
 */
function signedPath(req: NextRequest): string | undefined {
  return req.headers.get("x-iam-aws-signed-path") === "/aws/" && new URL(req.url).pathname === "/aws" ? "/aws/" : undefined;
}

export async function handleAws(req: NextRequest): Promise<Response> {
  const requestId = randomUUID();
  let service: AwsService = "iam";
  let caller: Caller | undefined;
  let facts: RequestFacts | undefined;
  let operations: Operation[] = [];
  let input: unknown;
  let readOnly = false;
  let audited = false;
  try {
    markArrival(req);
    const refusal = guardRequest(req.method, req.url, req.headers);
    if (refusal) throw refusal;
    if (req.method !== "GET" && req.method !== "POST") {
      throw httpError("MethodNotAllowed", `${req.method} is not supported here; the AWS endpoint answers GET and POST.`, { Allow: "GET, POST" });
    }
    facts = requestFacts(req.headers, req.url);
    if (declaresBody(req)) checkDeclaredBody(req, FORM);
    // SigV4 signs the payload: the body is read (under its limits) before the signature is checked.
    const bodyText = declaresBody(req) ? await readBody(req, FORM) : "";
    const parameters = decodeParameters([...new URL(req.url).searchParams, ...new URLSearchParams(bodyText)]);
    if (!isSigned(req.headers)) throw missingAuthentication();
    const who = await signedCaller(req, Buffer.from(bodyText, "utf8"), new Date(), { anyRegion: true, signedPath: signedPath(req), awsEndpoint: true });
    if (!(SERVICES as readonly string[]).includes(who.service)) {
      throw httpError("InvalidAction", `The service ${who.service} is not served at this endpoint; it serves IAM (iam) and STS (sts).`);
    }
    service = who.service as AwsService;
    caller = { identity: who.identity, facts };
    const action = parameters.Action;
    if (typeof action !== "string" || action.length === 0) throw httpError("MissingAction", "The request must contain the parameter Action.");
    const operation = findOperation(service, action);
    if (!operation) throw httpError("InvalidAction", `Could not find operation ${action.slice(0, 128)} for version ${API_VERSION[service]}`);
    readOnly = operation.readOnly === true;
    audited = operation.auditsItself !== true;
    input = operation.input.parse(parameters);
    const declared = await operation.authorize(input, caller);
    operations = Array.isArray(declared) ? declared : [declared];
    const verdicts = await decideOperations(caller.identity, facts, operations);
    const refused = verdicts.find((verdict) => !verdict.allowed);
    if (refused && !refused.allowed) throw accessDenied(refused, caller.identity, facts);
    const active = caller;
    const result = await runAsCaller(active, () => operation.run(input, active));
    if (!readOnly && audited && operations.length > 0) await audit(caller.identity, facts, operations, null, auditInput(input), null, false);
    return xml(resultXml(service, action, result, requestId), 200, requestId);
  } catch (err) {
    const error = toIamError(err);
    if (error.code === "InternalError") console.error("Unexpected error:", err);
    // Write attempts and refused reads are in the audit trail, as for the console's own API.
    if (caller && facts && audited && operations.length > 0 && (!readOnly || error.code === "AccessDenied")) {
      await audit(caller.identity, facts, operations, null, auditInput(input), error, readOnly).catch(() => undefined);
    }
    // The Query APIs answer throttling 400 ("Common errors"); the console's JSON API answers 429.
    const status = error.code === "Throttling" ? 400 : error.status;
    const response = xml(errorXml(service, status, error.code, error.message, requestId), status, requestId);
    for (const [name, value] of Object.entries(error.headers ?? {})) response.headers.set(name, value);
    return response;
  }
}
