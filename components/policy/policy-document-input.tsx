"use client";

import { useId, useState } from "react";
import { ApiError } from "@/lib/queries/api";
import { Button } from "@/components/ui/button";
import { fieldError, isDocumentError } from "@/components/ui/form-errors";

interface PolicyDocumentInputProps {
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** The last write's error: its message and every document issue show under the input. */
  error?: unknown;
  hint?: string;
  rows?: number;
}

/**
 * The ONE input for policy documents (managed policies, versions, inline and trust policies):
 * a labelled monospace text area with a Format button. The Monaco editor replaces its inside
 * later; callers only rely on label, value, onChange and error.
 */
export function PolicyDocumentInput({ label, value, onChange, error, hint, rows = 16 }: PolicyDocumentInputProps) {
  const id = useId();
  const [formatProblem, setFormatProblem] = useState<string>();
  const apiError = error instanceof ApiError && isDocumentError(error) ? error : undefined;
  const described = [hint ? `${id}-hint` : "", apiError || formatProblem ? `${id}-error` : ""].filter(Boolean).join(" ");

  const format = () => {
    try {
      onChange(JSON.stringify(JSON.parse(value), null, 2));
      setFormatProblem(undefined);
    } catch (problem) {
      setFormatProblem(`Cannot format: the text is not valid JSON (${problem instanceof Error ? problem.message : "parse error"}).`);
    }
  };

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-end justify-between gap-3">
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
        <Button size="sm" onClick={format}>
          Format
        </Button>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        value={value}
        onChange={(event) => {
          setFormatProblem(undefined);
          onChange(event.target.value);
        }}
        rows={rows}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        aria-invalid={apiError ? true : undefined}
        aria-describedby={described || undefined}
        className="w-full rounded-md border border-line bg-[#fbfcfd] px-3 py-2.5 font-mono text-[0.9rem] leading-relaxed text-ink aria-[invalid=true]:border-danger aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-danger"
      />
      {(apiError || formatProblem) && (
        <div id={`${id}-error`} className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-danger">
          <p className="font-semibold">{formatProblem ?? fieldError(apiError, "policyDocument", "trustPolicy") ?? apiError?.message}</p>
          {apiError && apiError.issues.length > 0 && (
            <ul className="mt-1.5 list-disc pl-6 text-ink" aria-label="Problems in the document">
              {apiError.issues.map((issue, index) => (
                <li key={`${issue.path}-${index}`}>
                  {issue.message}
                  {issue.path && <span className="ml-2 font-mono text-sm text-muted">at {issue.path}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
