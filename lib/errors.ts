import { ZodError } from "zod";
import { isDatabaseBusy } from "@/lib/db-errors";
import type { DeniedDetail, DocumentIssue, FieldIssue, IamErrorCode } from "@/lib/error-types";

export { IAM_ERROR_CODES, type DeniedDetail, type DocumentIssue, type FieldIssue, type IamErrorCode } from "@/lib/error-types";

/** The HTTP status AWS answers each error code with. */
const STATUS: Record<IamErrorCode, number> = {
  ValidationError: 400,
  MalformedPolicyDocument: 400,
  NoSuchEntity: 404,
  EntityAlreadyExists: 409,
  DeleteConflict: 409,
  LimitExceeded: 409,
  ConstraintViolation: 409,
  InternalError: 500,
  AccessDenied: 403,
  MethodNotAllowed: 405,
  RequestTimeout: 408,
  RequestEntityTooLarge: 413,
  UnsupportedMediaType: 415,
  MisdirectedRequest: 421,
  ServiceUnavailable: 503,
  MissingAuthenticationToken: 403,
  InvalidClientTokenId: 403,
  SignatureDoesNotMatch: 403,
  IncompleteSignature: 400,
  ExpiredToken: 403,
  PasswordResetRequired: 403,
  Throttling: 429,
  MfaRequired: 401,
  PasswordPolicyViolation: 400,
  InvalidUserType: 400,
  InvalidAuthenticationCode: 403,
  InvalidAction: 400,
  MissingAction: 400,
  InvalidInput: 400,
  InvalidParameterValue: 400,
  PackedPolicyTooLarge: 400,
  ReportNotPresent: 410,
  UnmodifiableEntity: 400,
};

/** Error lists stop here; the count of the rest travels as `moreIssues`. */
export const MAX_REPORTED_ISSUES = 100;

/** A domain error: thrown by lib/data, mapped to HTTP once in toErrorResponse. */
export class IamError extends Error {
  readonly code: IamErrorCode;
  /** The input field at fault (e.g. "userName", "policyDocument"), when there is one. */
  readonly field: string | undefined;
  /** For MalformedPolicyDocument: every problem with its path in the document. */
  readonly issues: DocumentIssue[] | undefined;
  /** Every input problem of a request, for forms that show each field's error at once. */
  fields: FieldIssue[] | undefined;
  /** How many issues were found beyond those listed (lists stop at MAX_REPORTED_ISSUES). */
  moreIssues: number | undefined;
  /** Response headers the error calls for (Allow, Retry-After). */
  headers: Record<string, string> | undefined;
  /** For AccessDenied decided by the engine: the request it refused. */
  denied: DeniedDetail | undefined;

  constructor(code: IamErrorCode, message: string, field?: string, issues?: DocumentIssue[]) {
    super(message);
    this.name = "IamError";
    this.code = code;
    this.field = field;
    this.issues = issues;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const validationError = (field: string, message: string) =>
  new IamError("ValidationError", message, field);
export const noSuchEntity = (message: string, field?: string) =>
  new IamError("NoSuchEntity", message, field);
export const alreadyExists = (message: string, field?: string) =>
  new IamError("EntityAlreadyExists", message, field);
export const deleteConflict = (message: string, field?: string) => new IamError("DeleteConflict", message, field);
export const limitExceeded = (message: string, field?: string) =>
  new IamError("LimitExceeded", message, field);

export interface ErrorBody {
  error: {
    code: IamErrorCode;
    message: string;
    field?: string;
    issues?: DocumentIssue[];
    fields?: FieldIssue[];
    moreIssues?: number;
    denied?: DeniedDetail;
  };
}

function isPrismaUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

function fieldOf(path: readonly PropertyKey[]): string | undefined {
  return path.length > 0 ? path.map(String).join(".") : undefined;
}

// Every issue, each naming its field: "tags.0.key: …". The first one is the error's headline.
function fromZod(err: ZodError): IamError {
  const all: FieldIssue[] = err.issues.map((issue) => {
    const field = fieldOf(issue.path);
    const message = field ? `${field}: ${issue.message}` : issue.message;
    return field ? { field, message } : { message };
  });
  const first = all[0];
  const more = all.length > 1 ? ` (and ${all.length - 1} more)` : "";
  const error = new IamError("ValidationError", first ? `${first.message}${more}` : "The request is not valid.", first?.field);
  error.fields = all.slice(0, MAX_REPORTED_ISSUES);
  if (all.length > MAX_REPORTED_ISSUES) error.moreIssues = all.length - MAX_REPORTED_ISSUES;
  return error;
}

/** Any thrown value as an IamError; unexpected errors become a generic InternalError. */
export function toIamError(err: unknown): IamError {
  if (err instanceof IamError) return err;
  if (err instanceof ZodError) return fromZod(err);
  // A lock that outlasted the retries (lib/data/busy.ts), or met outside them: come back later.
  if (isDatabaseBusy(err)) return databaseBusy();
  if (isPrismaUniqueViolation(err)) {
    return new IamError("EntityAlreadyExists", "An entity with that name already exists.");
  }
  return new IamError("InternalError", "Something went wrong on the server.");
}

/** The JSON body and status for an error; leaks nothing about unexpected errors. */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody; headers: Record<string, string> } {
  const e = toIamError(err);
  if (e.code === "InternalError") console.error("Unexpected error:", err);
  const body: ErrorBody = { error: { code: e.code, message: e.message } };
  if (e.field) body.error.field = e.field;
  if (e.issues) body.error.issues = e.issues;
  if (e.fields) body.error.fields = e.fields;
  if (e.moreIssues) body.error.moreIssues = e.moreIssues;
  if (e.denied) body.error.denied = e.denied;
  return { status: e.status, body, headers: e.headers ?? {} };
}

/** Any thrown value as the API's JSON error response, with the headers it calls for. */
export function errorResponse(err: unknown): Response {
  const { status, body, headers } = toErrorResponse(err);
  return Response.json(body, { status, headers });
}

/** 503 with Retry-After: the database stayed locked by another writer. */
export function databaseBusy(): IamError {
  return httpError("ServiceUnavailable", "The database is busy with another writer; try again in a moment.", { "Retry-After": "1" });
}

/** An HTTP-level refusal with its headers (Allow for 405, Retry-After for 503). */
export function httpError(code: IamErrorCode, message: string, headers?: Record<string, string>, field?: string): IamError {
  const error = new IamError(code, message, field);
  if (headers) error.headers = headers;
  return error;
}
