import { ApiError } from "@/lib/queries/api";

/**
 * The server's error for one input: the API names the field at fault (`field`, possibly a path
 * such as "tags.0.key"). Several API fields may feed one input (e.g. userName and newUserName).
 */
export function fieldError(error: unknown, ...fields: string[]): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  // Every field's problem is reported at once; without a list, the error's own field.
  const issues = error.fields.length > 0 ? error.fields : error.field ? [{ field: error.field, message: error.message }] : [];
  const issue = issues.find(({ field }) => field !== undefined && fields.some((f) => field === f || field.startsWith(`${f}.`) || field.startsWith(`${f}[`)));
  if (!issue?.field) return undefined;
  // Next to its input the message need not repeat the field's API name ("alias: …").
  return issue.message.startsWith(`${issue.field}: `) ? issue.message.slice(issue.field.length + 2) : issue.message;
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
  if (!fieldError(error, ...fields)) return error;
  // Problems with inputs this form does not have still need saying above it.
  if (!(error instanceof ApiError) || error.fields.length === 0) return undefined;
  const unplaced = error.fields.filter((issue) => !fieldError(new ApiError(error.code, issue.message, error.status, issue.field), ...fields));
  return unplaced.length > 0 ? new ApiError(error.code, unplaced.map((issue) => issue.message).join(" "), error.status) : undefined;
}
