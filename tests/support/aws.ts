import { NextRequest } from "next/server";
import { IAMClient } from "@aws-sdk/client-iam";
import { STSClient } from "@aws-sdk/client-sts";
import { HttpResponse, type HttpRequest } from "@smithy/protocol-http";
import { Readable } from "node:stream";
import { db } from "@/lib/db";
import { handleAws } from "@/lib/aws/dispatch";
import { awsPath } from "@/scripts/server.mjs";
import { createAccessKey } from "@/lib/data/create-access-key";
import { createRootAccessKey } from "@/lib/data/create-root-access-key";

/**
 * The real AWS SDK clients (IAM, STS) talking to the AWS endpoint in-process: requests are signed
 * by the SDK, handed to the endpoint's handler as Next would, and its XML parsed by the SDK. No
 * server, no network.
 */

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A request handler for the SDK that calls lib/aws/dispatch.ts directly. */
export const inProcess = {
  async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) for (const item of Array.isArray(value) ? value : [value]) if (item !== null) query.append(key, item);
    const search = query.toString();
    const url = `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ""}${request.path}${search ? `?${search}` : ""}`;
    const body = typeof request.body === "string" ? request.body : request.body ? Buffer.from(request.body as Uint8Array).toString("utf8") : undefined;
    const headers: Record<string, string> = { ...request.headers };
    // As scripts/server.mjs hands the SDKs' "/aws/" to Next: as "/aws", the signed path in its header.
    const served = { url: url.slice(url.indexOf("/", url.indexOf("//") + 2)), headers: headers as Record<string, string | string[] | undefined> };
    awsPath(served);
    const servedUrl = `${url.slice(0, url.indexOf("/", url.indexOf("//") + 2))}${served.url}`;
    if (body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === "content-length")) headers["content-length"] = String(Buffer.byteLength(body));
    const response = await handleAws(new NextRequest(servedUrl, { method: request.method, headers, body }));
    const text = await response.text();
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => (responseHeaders[name] = value));
    return { response: new HttpResponse({ statusCode: response.status, headers: responseHeaders, body: Readable.from([Buffer.from(text, "utf8")]) }) };
  },
  updateHttpClientConfig() {},
  httpHandlerConfigs: () => ({}),
};

const ENDPOINT = "http://localhost/aws";

export const iamClient = (credentials: Credentials): IAMClient =>
  new IAMClient({ region: "us-east-1", endpoint: ENDPOINT, credentials, requestHandler: inProcess, maxAttempts: 1 });

export const stsClient = (credentials: Credentials, region = "us-east-1"): STSClient =>
  new STSClient({ region, endpoint: ENDPOINT, credentials, requestHandler: inProcess, maxAttempts: 1 });

/** Long-term credentials of the account's root user (allowed everything in its account). */
export async function rootCredentials(accountId: string): Promise<Credentials> {
  const key = await createRootAccessKey(accountId);
  return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
}

/** Long-term credentials of an existing IAM user. */
export async function userCredentials(accountId: string, userName: string): Promise<Credentials> {
  const key = await createAccessKey(accountId, userName);
  return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
}

export interface RawAwsCall {
  /** Form parameters (POST body) or, for GET, the query string's. */
  params: Record<string, string>;
  credentials?: Credentials;
  method?: "GET" | "POST" | "PUT";
  service?: string;
  region?: string;
  /** Changes the request after signing (to tamper with it). */
  tamper?: (request: { headers: Record<string, string>; body: string }) => void;
}

/** A request signed as the SDK signs it (or unsigned without credentials), answered by the endpoint: status and XML text. */
export async function rawAws(call: RawAwsCall): Promise<{ status: number; text: string; headers: Headers }> {
  const { SignatureV4 } = await import("@smithy/signature-v4");
  const { Hash } = await import("@smithy/hash-node");
  const { HttpRequest } = await import("@smithy/protocol-http");
  const method = call.method ?? "POST";
  const form = new URLSearchParams(call.params).toString();
  const body = method === "GET" ? "" : form;
  const query = method === "GET" ? Object.fromEntries(new URLSearchParams(call.params)) : {};
  let headers: Record<string, string> = { host: "localhost" };
  if (body) headers["content-type"] = "application/x-www-form-urlencoded; charset=utf-8";
  if (call.credentials) {
    const signer = new SignatureV4({ credentials: call.credentials, region: call.region ?? "us-east-1", service: call.service ?? "iam", sha256: Hash.bind(null, "sha256") });
    const signed = await signer.sign(new HttpRequest({ method, protocol: "http:", hostname: "localhost", path: "/aws", query, headers, body: body || undefined }));
    headers = { ...signed.headers };
  }
  const tampered = { headers, body };
  call.tamper?.(tampered);
  if (tampered.body) tampered.headers["content-length"] = String(Buffer.byteLength(tampered.body));
  const url = `http://localhost/aws${method === "GET" && form ? `?${form}` : ""}`;
  const response = await handleAws(new NextRequest(url, { method, headers: tampered.headers, body: tampered.body || undefined }));
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** An SDK call's rejection as the SDK raised it (its name is AWS's code); fails the test if the call succeeded. */
export type AwsFailure = Error & { name: string; message: string; $metadata: { httpStatusCode?: number } };
export const failure = (call: Promise<unknown>): Promise<AwsFailure> =>
  call.then(
    () => {
      throw new Error("The call succeeded; it should have failed.");
    },
    (err: unknown) => err as AwsFailure,
  );

/** The credentials of an AssumeRole or GetSessionToken answer, to sign the next calls with. */
export const credentialsOf = (answer: { Credentials?: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } }): Credentials => ({
  accessKeyId: answer.Credentials?.AccessKeyId ?? "",
  secretAccessKey: answer.Credentials?.SecretAccessKey ?? "",
  sessionToken: answer.Credentials?.SessionToken ?? "",
});

/** The account's audit rows of an IAM action made through the endpoint, oldest first. */
export const auditOf = (accountId: string, eventName: string) =>
  db().auditEvent.findMany({ where: { accountId, eventSource: "iam.amazonaws.com", eventName }, orderBy: { id: "asc" } });
