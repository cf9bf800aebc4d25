import { describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { db } from "@/lib/db";
import { freshAccount } from "@/tests/support/identity";
import { rawAws, rootCredentials, userCredentials, iamClient } from "@/tests/support/aws";
import { CreateUserCommand } from "@aws-sdk/client-iam";

// The Query protocol as the IAM and STS API References describe it: "Making Query requests",
// "Common parameters" and "Common errors" (https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html).
const parse = (text: string) => new XMLParser({ ignoreAttributes: false }).parse(text) as Record<string, Record<string, unknown>>;

describe("the AWS endpoint's protocol", () => {
  it("answers a GET with the parameters in the query string, as the Query protocol allows", async () => {
    const account = await freshAccount();
    const answer = await rawAws({ method: "GET", params: { Action: "ListUsers", Version: "2010-05-08" }, credentials: await rootCredentials(account) });
    expect(answer.status).toBe(200);
    const xml = parse(answer.text);
    expect(xml.ListUsersResponse["@_xmlns"]).toBe("https://iam.amazonaws.com/doc/2010-05-08/");
    expect(xml.ListUsersResponse.ListUsersResult).toMatchObject({ IsTruncated: false });
    expect((xml.ListUsersResponse.ResponseMetadata as { RequestId: string }).RequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers an unknown Action with InvalidAction naming it, as a Sender error in AWS's ErrorResponse", async () => {
    const account = await freshAccount();
    const answer = await rawAws({ params: { Action: "CreateBucket", Version: "2010-05-08" }, credentials: await rootCredentials(account) });
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toBe("text/xml");
    const error = parse(answer.text).ErrorResponse;
    expect(error["@_xmlns"]).toBe("https://iam.amazonaws.com/doc/2010-05-08/");
    expect(error.Error).toEqual({ Type: "Sender", Code: "InvalidAction", Message: "Could not find operation CreateBucket for version 2010-05-08" });
    expect(error.RequestId).toEqual(expect.any(String));
  });

  it("answers a request without Action with MissingAction", async () => {
    const account = await freshAccount();
    const answer = await rawAws({ params: { Version: "2010-05-08" }, credentials: await rootCredentials(account) });
    expect(parse(answer.text).ErrorResponse.Error).toMatchObject({ Code: "MissingAction" });
  });

  it("answers an STS action signed for iam with InvalidAction: the credential scope names the service", async () => {
    const account = await freshAccount();
    const answer = await rawAws({ params: { Action: "GetCallerIdentity", Version: "2011-06-15" }, credentials: await rootCredentials(account) });
    expect(parse(answer.text).ErrorResponse.Error).toMatchObject({ Code: "InvalidAction" });
    const sts = await rawAws({ params: { Action: "GetCallerIdentity", Version: "2011-06-15" }, credentials: await rootCredentials(account), service: "sts" });
    expect(sts.status).toBe(200);
    expect(parse(sts.text).GetCallerIdentityResponse["@_xmlns"]).toBe("https://sts.amazonaws.com/doc/2011-06-15/");
  });

  it("refuses an unsigned request with MissingAuthenticationToken and a tampered one with SignatureDoesNotMatch", async () => {
    const account = await freshAccount();
    const unsigned = await rawAws({ params: { Action: "ListUsers", Version: "2010-05-08" } });
    expect(unsigned.status).toBe(403);
    expect(parse(unsigned.text).ErrorResponse.Error).toMatchObject({ Code: "MissingAuthenticationToken" });
    const tampered = await rawAws({
      params: { Action: "CreateUser", UserName: "mallory", Version: "2010-05-08" },
      credentials: await rootCredentials(account),
      tamper: (request) => void (request.body = request.body.replace("mallory", "mallorx")),
    });
    expect(tampered.status).toBe(403);
    expect(parse(tampered.text).ErrorResponse.Error).toMatchObject({ Code: "SignatureDoesNotMatch" });
    expect(await db().user.count({ where: { accountId: account } })).toBe(0);
  });

  it("answers an Authorization header without a signature with IncompleteSignature", async () => {
    const account = await freshAccount();
    const answer = await rawAws({
      params: { Action: "ListUsers", Version: "2010-05-08" },
      credentials: await rootCredentials(account),
      tamper: (request) => void (request.headers.authorization = request.headers.authorization.replace(/, Signature=[0-9a-f]+/, "")),
    });
    expect(answer.status).toBe(400);
    expect(parse(answer.text).ErrorResponse.Error).toMatchObject({ Code: "IncompleteSignature" });
  });

  it("accepts a signature scoped to any region (IAM is global)", async () => {
    const account = await freshAccount();
    const answer = await rawAws({ params: { Action: "ListUsers", Version: "2010-05-08" }, credentials: await rootCredentials(account), region: "ap-southeast-2" });
    expect(answer.status).toBe(200);
  });

  it("names the parameter at fault in a ValidationError and writes nothing", async () => {
    const account = await freshAccount();
    const answer = await rawAws({ params: { Action: "CreateUser", UserName: "no spaces allowed", Version: "2010-05-08" }, credentials: await rootCredentials(account) });
    expect(answer.status).toBe(400);
    const error = parse(answer.text).ErrorResponse.Error as { Code: string; Message: string };
    expect(error.Code).toBe("ValidationError");
    expect(error.Message).toMatch(/^UserName: /);
    expect(await db().user.count({ where: { accountId: account } })).toBe(0);
  });

  it("escapes what it echoes: a message can never break the XML", async () => {
    const account = await freshAccount();
    const answer = await rawAws({ params: { Action: "<x>&amp;", Version: "2010-05-08" }, credentials: await rootCredentials(account) });
    expect(parse(answer.text).ErrorResponse.Error).toMatchObject({ Code: "InvalidAction", Message: "Could not find operation <x>&amp; for version 2010-05-08" });
  });

  it("answers methods other than GET and POST with 405", async () => {
    const account = await freshAccount();
    const answer = await rawAws({ method: "PUT", params: { Action: "ListUsers" }, credentials: await rootCredentials(account) });
    expect(answer.status).toBe(405);
    expect(answer.headers.get("allow")).toBe("GET, POST");
  });

  it("records write attempts and refused reads in the audit trail with eventSource iam.amazonaws.com, and allowed reads nowhere", async () => {
    const account = await freshAccount();
    const root = await rootCredentials(account);
    await iamClient(root).send(new CreateUserCommand({ UserName: "writer" }));
    await rawAws({ params: { Action: "ListUsers", Version: "2010-05-08" }, credentials: root });
    const writer = await userCredentials(account, "writer");
    await rawAws({ params: { Action: "ListUsers", Version: "2010-05-08" }, credentials: writer });
    await rawAws({ params: { Action: "CreateUser", UserName: "second", Version: "2010-05-08" }, credentials: writer });
    const events = await db().auditEvent.findMany({ where: { accountId: account }, orderBy: { id: "asc" } });
    const summary = events.map((event) => [event.eventSource, event.eventName, event.errorCode]);
    expect(summary).toEqual([
      ["iam.amazonaws.com", "CreateUser", null],
      ["iam.amazonaws.com", "ListUsers", "AccessDenied"],
      ["iam.amazonaws.com", "CreateUser", "AccessDenied"],
    ]);
    const changes = await db().changeEvent.findMany({ where: { accountId: account, action: "CreateUser" } });
    expect(changes).toHaveLength(1);
    expect(changes[0].targetArn).toBe(`arn:aws:iam::${account}:user/writer`);
  });
});

describe("the SDKs' endpoint path", () => {
  it("serves a request the client signed for /aws/ (the SDKs append the slash), which scripts/server.mjs hands on as /aws", async () => {
    const { awsPath, AWS_SIGNED_PATH } = await import("@/scripts/server.mjs");
    const served = { url: "/aws/?x=1", headers: { [AWS_SIGNED_PATH]: "/elsewhere/" } as Record<string, string | string[] | undefined> };
    awsPath(served);
    expect(served).toEqual({ url: "/aws?x=1", headers: { [AWS_SIGNED_PATH]: "/aws/" } });
    const other = { url: "/api/v1/accounts", headers: { [AWS_SIGNED_PATH]: "/aws/" } as Record<string, string | string[] | undefined> };
    awsPath(other);
    expect(other).toEqual({ url: "/api/v1/accounts", headers: {} });
  });

  it("checks the signature over the path the client signed: /aws/ only with the server's header, never another path", async () => {
    const account = await freshAccount();
    const credentials = await rootCredentials(account);
    const { SignatureV4 } = await import("@smithy/signature-v4");
    const { Hash } = await import("@smithy/hash-node");
    const { HttpRequest } = await import("@smithy/protocol-http");
    const { NextRequest } = await import("next/server");
    const { handleAws } = await import("@/lib/aws/dispatch");
    const body = "Action=ListUsers&Version=2010-05-08";
    const signer = new SignatureV4({ credentials, region: "us-east-1", service: "iam", sha256: Hash.bind(null, "sha256") });
    const signedFor = async (path: string) =>
      (await signer.sign(new HttpRequest({ method: "POST", protocol: "http:", hostname: "localhost", path, headers: { host: "localhost", "content-type": "application/x-www-form-urlencoded" }, body }))).headers;
    const send = async (headers: Record<string, string>) => (await handleAws(new NextRequest("http://localhost/aws", { method: "POST", headers: { ...headers, "content-length": String(body.length) }, body }))).status;
    expect(await send({ ...(await signedFor("/aws/")), "x-iam-aws-signed-path": "/aws/" })).toBe(200);
    expect(await send(await signedFor("/aws/"))).toBe(403);
    expect(await send({ ...(await signedFor("/api/v1/accounts")), "x-iam-aws-signed-path": "/api/v1/accounts" })).toBe(403);
  });
});
