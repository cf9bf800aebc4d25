// Types for the tests that import scripts/server.mjs.
export declare const SERVED_METHODS: string[];
export declare function refuseMethod(
  req: { method?: string; url?: string },
  res: { writeHead(status: number, headers: Record<string, unknown>): unknown; end(body: string): unknown },
): void;
export declare function forwardedHeaders(
  req: { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string; encrypted?: boolean } },
  trustProxy: boolean,
): void;
export declare const AWS_SIGNED_PATH: string;
export declare function awsPath(req: { url?: string; headers: Record<string, string | string[] | undefined> }): void;
