"use client";

import { useId, useMemo, useRef, useState } from "react";
import { FindingsList } from "@/components/editor/findings-list";
import { PolicyEditor, type PolicyEditorHandle } from "@/components/editor/policy-editor";
import { useLeaveGuard } from "@/components/editor/use-leave-guard";
import { useSubmitGuard } from "@/components/editor/use-submit-guard";
import { Button } from "@/components/ui/button";
import { formatPolicyText } from "@/lib/editor/format";
import { grammarFindings, serverFindings, type EditorFinding } from "@/lib/editor/grammar";
import type { PolicyKind, SourceRange } from "@/lib/iam/client";
import { ApiError } from "@/lib/queries/api";

interface PolicyDocumentInputProps {
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** The last write's error: its message and every document issue show under the input. */
  error?: unknown;
  hint?: string;
  rows?: number;
  /** Which grammar applies: "trust" for role trust policies; identity-based by default. */
  kind?: PolicyKind;
  /** Shows the document without editing (AWS managed policies, old versions). */
  readOnly?: boolean;
  /** The saved text: leaving with anything else asks first. Defaults to the text at mount. */
  baseline?: string;
  /** The quota the document must fit, in characters without white space. */
  sizeLimit?: number;
  /** A part of the document to highlight and scroll to. */
  highlight?: SourceRange;
}

const DOCUMENT_FIELDS = ["policyDocument", "trustPolicy"];

/** The server's refusal of this document, when the last write was refused for it. */
function documentError(error: unknown): ApiError | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.code === "MalformedPolicyDocument" || (error.field !== undefined && DOCUMENT_FIELDS.includes(error.field)) ? error : undefined;
}

/**
 * The ONE input for policy documents (managed policies and their versions, inline policies,
 * trust policies; read-only for AWS managed ones): the Monaco policy editor with live checks,
 * a "Format document" button, and the guards around saving — a form holding an invalid document
 * is not submitted, and leaving with unsaved changes asks first.
 */
export function PolicyDocumentInput(props: PolicyDocumentInputProps) {
  const { label, value, onChange, error, hint, rows = 16, kind = "identity", readOnly = false, sizeLimit, highlight } = props;
  const id = useId();
  const anchor = useRef<HTMLDivElement>(null);
  const editor = useRef<PolicyEditorHandle | null>(null);
  const [initial] = useState(value);
  const [checks, setChecks] = useState<{ findings: EditorFinding[]; complete: boolean }>({ findings: [], complete: false });
  const [refused, setRefused] = useState<{ text: string; problems: EditorFinding[] }>();
  const [answered, setAnswered] = useState<{ error: unknown; text: string }>();

  const apiError = documentError(error);
  // The text the server judged: the value when this error first appeared.
  if (apiError && answered?.error !== error) setAnswered({ error, text: value });
  const serverJudgedThisText = apiError !== undefined && answered?.error === error && answered?.text === value;
  const serverProblems = useMemo(() => (apiError && serverJudgedThisText ? serverFindings(apiError.issues, value) : []), [apiError, serverJudgedThisText, value]);
  const refusal = refused && refused.text === value ? refused.problems : undefined;

  useLeaveGuard(!readOnly && value !== (props.baseline ?? initial));
  useSubmitGuard(
    anchor,
    () => (readOnly ? [] : grammarFindings(value, kind)),
    (problems) => {
      setRefused({ text: value, problems });
      const first = problems.find((problem) => problem.range);
      if (first?.range) editor.current?.reveal(first.range);
    },
  );

  const reveal = (finding: EditorFinding) => finding.range && editor.current?.reveal(finding.range);
  const format = () => {
    const formatted = formatPolicyText(value);
    if (editor.current) editor.current.replaceAll(formatted);
    else onChange(formatted);
  };

  const problems = refusal ?? (serverJudgedThisText ? serverProblems : undefined);
  const showError = problems !== undefined || (apiError !== undefined && serverJudgedThisText);
  const described = [hint ? `${id}-hint` : "", showError ? `${id}-error` : "", readOnly ? "" : `${id}-checks`].filter(Boolean).join(" ");

  return (
    <div ref={anchor} className="flex flex-col gap-1.5">
      <div className="flex items-end justify-between gap-3">
        <span id={`${id}-label`} className="font-semibold">
          {label}
          {readOnly && <span className="ml-2 text-sm font-normal text-muted">(read-only)</span>}
        </span>
        {!readOnly && (
          <Button size="sm" onClick={format}>
            Format document
          </Button>
        )}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <PolicyEditor
        value={value}
        onChange={onChange}
        kind={kind}
        ariaLabel={label}
        readOnly={readOnly}
        rows={rows}
        sizeLimit={sizeLimit}
        highlight={highlight}
        extraFindings={serverProblems}
        invalid={showError}
        describedBy={described || undefined}
        onFindings={(findings, complete) => setChecks({ findings, complete })}
        onReady={(handle) => (editor.current = handle)}
      />
      {showError && (
        <div id={`${id}-error`} role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-danger">
          <p className="font-semibold">
            {refusal
              ? `Not saved: the document has ${refusal.length === 1 ? "an error" : `${refusal.length} errors`} AWS would refuse. Fix ${refusal.length === 1 ? "it" : "them"}, then save again.`
              : apiError?.message}
          </p>
          {problems && problems.length > 0 && (
            <ul className="mt-1.5 list-disc pl-6 text-ink" aria-label="Problems in the document">
              {problems.map((problem, index) => (
                <li key={`${problem.path}-${index}`}>
                  <button type="button" className="text-left underline decoration-dotted" onClick={() => reveal(problem)} disabled={!problem.range}>
                    {problem.message}
                  </button>
                  {problem.path && <span className="ml-2 font-mono text-sm text-muted">at {problem.path}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!readOnly && <FindingsList id={`${id}-checks`} findings={checks.findings} complete={checks.complete} onSelect={reveal} />}
    </div>
  );
}
