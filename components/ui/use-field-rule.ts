"use client";

import { useState } from "react";
import type { z } from "zod";
import { ruleError } from "./field-rule";

export interface FieldRule {
  /** The rule's message for the current value, once the field has been edited (or checked). */
  error: string | undefined;
  /** Shows the rule's message even if the field was never edited; true when the value passes. */
  check: () => boolean;
}

/**
 * Checks an input against a lib/schemas rule as it is typed, so a bad name is flagged next to
 * its field at once rather than on submit. A form does not open with "required" under an empty
 * field: the message shows while the value differs from its first one, or after check().
 */
export function useFieldRule(schema: z.ZodType, value: string): FieldRule {
  const [initial] = useState(value);
  const [checked, setChecked] = useState(false);
  const error = ruleError(schema, value);
  return {
    error: checked || value !== initial ? error : undefined,
    check: () => {
      setChecked(true);
      return error === undefined;
    },
  };
}
