import type { z } from "zod";

/**
 * The first problem the API's own zod rule finds in a value (AWS's length and character set for
 * a name, a path's shape), or undefined when it passes. Forms check as the user types with the
 * schemas the server validates with (lib/schemas), so the two never tell different rules.
 */
export function ruleError(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : (result.error.issues[0]?.message ?? "This value is not valid.");
}

/** Moves focus to the first input of the form marked invalid, once the marks are rendered. */
export function focusFirstInvalid(form: HTMLFormElement): void {
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
