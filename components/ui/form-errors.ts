import { ApiError } from "@/lib/queries/api";

/**
 * The server's error for one input: the API names the field at fault (`field`, possibly a path
 * such as "tags.0.key"). Several API fields may feed one input (e.g. userName and newUserName).
 */
export function fieldError(error: unknown, ...fields: string[]): string | undefined {
  if (!(error instanceof ApiError) || !error.field) return undefined;
  const at = error.field;
  if (!fields.some((f) => at === f || at.startsWith(`${f}.`) || at.startsWith(`${f}[`))) return undefined;
  // Next to its input the message need not repeat the field's API name ("alias: …").
  return error.message.startsWith(`${at}: `) ? error.message.slice(at.length + 2) : error.message;
}

const DOCUMENT_FIELDS = ["policyDocument", "trustPolicy"];

/** Errors the policy document input shows itself: document problems, or its field at fault. */
export function isDocumentError(error: unknown): boolean {
  return error instanceof ApiError && (error.code === "MalformedPolicyDocument" || fieldError(error, ...DOCUMENT_FIELDS) !== undefined);
}

/** The error to show above the form: anything not attached to one of the form's inputs. */
export function formError(error: unknown, fields: string[]): unknown {
  if (!error) return undefined;
  if (fields.some((f) => DOCUMENT_FIELDS.includes(f)) && isDocumentError(error)) return undefined;
  return fieldError(error, ...fields) ? undefined : error;
}
