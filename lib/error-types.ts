// The shapes of the console's error answers, shared by the server (lib/errors.ts) and the browser
// (lib/queries/api.ts). No imports: browser bundles take these without zod or the server's code.

/** AWS IAM's error codes, then the HTTP-level refusals of the console's own door (no AWS IAM counterpart). */
export const IAM_ERROR_CODES = [
  "ValidationError",
  "MalformedPolicyDocument",
  "NoSuchEntity",
  "EntityAlreadyExists",
  "DeleteConflict",
  "LimitExceeded",
  "InternalError",
  "AccessDenied",
  "MethodNotAllowed",
  "RequestTimeout",
  "RequestEntityTooLarge",
  "UnsupportedMediaType",
  "MisdirectedRequest",
  "ServiceUnavailable",
] as const;

export type IamErrorCode = (typeof IAM_ERROR_CODES)[number];

/** One input's problem, when a request has several (every zod issue, not just the first). */
export interface FieldIssue {
  field?: string;
  message: string;
}

/** Where in a policy document a problem is, for editors to place markers. */
export interface DocumentIssue {
  code: string;
  message: string;
  path: string;
  range?: { startLine: number; startColumn: number; endLine: number; endColumn: number };
}
