// The browser's one door to /api/v1: JSON in, JSON out, AWS error bodies turned into ApiError.

import { IAM_ERROR_CODES, type DeniedDetail, type DocumentIssue, type FieldIssue, type IamErrorCode } from "@/lib/error-types";
import { isRecord } from "@/lib/iam/client";

/** Every code the server answers with, and NetworkError when it could not be reached. */
export type ApiErrorCode = IamErrorCode | "NetworkError";

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly field: string | undefined;
  readonly issues: DocumentIssue[];
  readonly fields: FieldIssue[];
  /** For AccessDenied decided by the engine: the request it refused (what "Why?" simulates). */
  readonly denied: DeniedDetail | undefined;

  constructor(code: ApiErrorCode, message: string, status: number, field?: string, issues: DocumentIssue[] = [], fields: FieldIssue[] = [], denied?: DeniedDetail) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
    this.field = field;
    this.issues = issues;
    this.fields = fields;
    this.denied = denied;
  }
}

function toIssues(value: unknown): DocumentIssue[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((issue) => ({
    code: typeof issue.code === "string" ? issue.code : "Invalid",
    message: typeof issue.message === "string" ? issue.message : "This part of the document is not valid.",
    path: typeof issue.path === "string" ? issue.path : "",
  }));
}

function toFields(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).flatMap((issue) => {
    if (typeof issue.message !== "string") return [];
    return [typeof issue.field === "string" ? { field: issue.field, message: issue.message } : { message: issue.message }];
  });
}

/** The refused request `{ principalArn, account?, action, resource, context }`; undefined when any part is missing or malformed. */
function toDenied(value: unknown): DeniedDetail | undefined {
  if (!isRecord(value)) return undefined;
  const { principalArn, account, action, resource, context } = value;
  if (typeof principalArn !== "string" || typeof action !== "string" || typeof resource !== "string") return undefined;
  const values: Record<string, string | string[]> = {};
  if (isRecord(context)) {
    for (const [key, entry] of Object.entries(context)) {
      if (typeof entry === "string") values[key] = entry;
      else if (Array.isArray(entry) && entry.every((item) => typeof item === "string")) values[key] = [...entry];
    }
  }
  return { principalArn, ...(typeof account === "string" ? { account } : {}), action, resource, context: values };
}

/** The error body `{ error: { code, message, field?, issues?, fields?, denied? } }` as an ApiError. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const rawCode = error?.code;
  const code = IAM_ERROR_CODES.find((known) => known === rawCode) ?? "InternalError";
  const message =
    typeof error?.message === "string" && error.message.length > 0
      ? error.message
      : `The server could not complete the request (HTTP ${status}).`;
  const field = typeof error?.field === "string" ? error.field : undefined;
  return new ApiError(code, message, status, field, toIssues(error?.issues), toFields(error?.fields), toDenied(error?.denied));
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Calls `/api/v1${path}`; resolves with the JSON body (undefined for 204), rejects with ApiError. */
export async function api<T>(path: string, method: Method = "GET", body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError("NetworkError", "The console could not reach its server. Is it still running?", 0);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text.length > 0) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
}

/** A query string from defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** A path segment for a name: names may hold + = , . @ which must survive the URL. */
export const seg = (name: string) => encodeURIComponent(name);

/** Words for an error, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
