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
  // AWS Organizations' ConstraintViolationException (closing the management account).
  "ConstraintViolation",
  "InternalError",
  "AccessDenied",
  "MethodNotAllowed",
  "RequestTimeout",
  "RequestEntityTooLarge",
  "UnsupportedMediaType",
  "MisdirectedRequest",
  "ServiceUnavailable",
  // Authentication (STS/IAM Query API codes) and sign-in.
  "MissingAuthenticationToken",
  "InvalidClientTokenId",
  "SignatureDoesNotMatch",
  "IncompleteSignature",
  "ExpiredToken",
  "PasswordResetRequired",
  "Throttling",
  // Console sign-in: the password was right and the principal's MFA device must give a code.
  "MfaRequired",
  // ChangePassword's own errors (IAM API reference, ChangePassword).
  "PasswordPolicyViolation",
  "InvalidUserType",
  // EnableMFADevice: the two codes are not the device's (IAM API reference, EnableMFADevice).
  "InvalidAuthenticationCode",
  // The AWS Query API (/aws): an unknown or missing Action, IAM's InvalidInput, STS's own errors,
  // GetCredentialReport before GenerateCredentialReport, and writes to AWS managed policies.
  "InvalidAction",
  "MissingAction",
  "InvalidInput",
  "InvalidParameterValue",
  "PackedPolicyTooLarge",
  "ReportNotPresent",
  "UnmodifiableEntity",
] as const;

export type IamErrorCode = (typeof IAM_ERROR_CODES)[number];

/** One input's problem, when a request has several (every zod issue, not just the first). */
export interface FieldIssue {
  field?: string;
  message: string;
}

/**
 * What an AccessDenied refused, so the console can explain it and open the simulator with exactly
 * that request ("Why?"). The principal is the acting ARN (an assumed-role session's ARN).
 */
export interface DeniedDetail {
  principalArn: string;
  /** The account the request was made to (its resource's owner, even for "*"). */
  account?: string;
  action: string;
  resource: string;
  context: Record<string, string | string[]>;
}

/** Where in a policy document a problem is, for editors to place markers. */
export interface DocumentIssue {
  code: string;
  message: string;
  path: string;
  range?: { startLine: number; startColumn: number; endLine: number; endColumn: number };
}
