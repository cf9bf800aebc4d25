import { NextRequest } from "next/server";
import { IAMClient } from "@aws-sdk/client-iam";
import { STSClient } from "@aws-sdk/client-sts";
import { HttpResponse, type HttpRequest } from "@smithy/protocol-http";
import { Readable } from "node:stream";
import { handleAws } from "@/lib/aws/dispatch";
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
    if (body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === "content-length")) headers["content-length"] = String(Buffer.byteLength(body));
    const response = await handleAws(new NextRequest(url, { method: request.method, headers, body }));
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
