import { ZodError } from "zod";

/** AWS IAM's error codes, with the HTTP status AWS answers them with. */
export type IamErrorCode =
  | "ValidationError"
  | "MalformedPolicyDocument"
  | "NoSuchEntity"
  | "EntityAlreadyExists"
  | "DeleteConflict"
  | "LimitExceeded"
  | "InternalError";

const STATUS: Record<IamErrorCode, number> = {
  ValidationError: 400,
  MalformedPolicyDocument: 400,
  NoSuchEntity: 404,
  EntityAlreadyExists: 409,
  DeleteConflict: 409,
  LimitExceeded: 409,
  InternalError: 500,
};

/** Where in a policy document a problem is, for editors to place markers. */
export interface DocumentIssue {
  code: string;
  message: string;
  path: string;
  range?: { startLine: number; startColumn: number; endLine: number; endColumn: number };
}

/** A domain error: thrown by lib/data, mapped to HTTP once in toErrorResponse. */
export class IamError extends Error {
  readonly code: IamErrorCode;
  /** The input field at fault (e.g. "userName", "policyDocument"), when there is one. */
  readonly field: string | undefined;
  /** For MalformedPolicyDocument: every problem with its path in the document. */
  readonly issues: DocumentIssue[] | undefined;

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
export const deleteConflict = (message: string) => new IamError("DeleteConflict", message);
export const limitExceeded = (message: string, field?: string) =>
  new IamError("LimitExceeded", message, field);

export interface ErrorBody {
  error: { code: IamErrorCode; message: string; field?: string; issues?: DocumentIssue[] };
}

function isPrismaUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

/** Any thrown value as an IamError; unexpected errors become a generic InternalError. */
export function toIamError(err: unknown): IamError {
  if (err instanceof IamError) return err;
  if (err instanceof ZodError) {
    const first = err.issues[0];
    const field = first && first.path.length > 0 ? first.path.map(String).join(".") : undefined;
    const message = first
      ? field
        ? `${field}: ${first.message}`
        : first.message
      : "The request is not valid.";
    return new IamError("ValidationError", message, field);
  }
  if (isPrismaUniqueViolation(err)) {
    return new IamError("EntityAlreadyExists", "An entity with that name already exists.");
  }
  return new IamError("InternalError", "Something went wrong on the server.");
}

/** The JSON body and status for an error; leaks nothing about unexpected errors. */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody } {
  const e = toIamError(err);
  if (e.code === "InternalError") console.error("Unexpected error:", err);
  const body: ErrorBody = { error: { code: e.code, message: e.message } };
  if (e.field) body.error.field = e.field;
  if (e.issues) body.error.issues = e.issues;
  return { status: e.status, body };
}
