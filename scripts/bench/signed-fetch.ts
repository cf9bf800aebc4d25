import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";

// The console's own API called as a script would since sign-in: each request signed with SigV4
// (an access key of the bench account), as `curl --aws-sigv4` signs it.

export interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
}

/** `call(method, pathname, body?)`: a signed request; throws unless it answers 2xx. */
export function signedFetch(base: string, keys: Keys): (method: string, pathname: string, body?: unknown) => Promise<void> {
  const url = new URL(base);
  const signer = new SignatureV4({ credentials: keys, region: "us-east-1", service: "iam", sha256: Hash.bind(null, "sha256") });
  return async (method, pathname, body) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const [pathOnly, search = ""] = pathname.split("?");
    const query = Object.fromEntries(new URLSearchParams(search));
    const headers: Record<string, string> = { host: url.host, ...(text === undefined ? {} : { "content-type": "application/json" }) };
    const signed = await signer.sign(new HttpRequest({ method, protocol: "http:", hostname: url.hostname, port: Number(url.port), path: pathOnly, query, headers, body: text }));
    const res = await fetch(`${base}${pathname}`, { method, headers: signed.headers, body: text });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${method} ${pathname} answered ${res.status}`);
  };
}
