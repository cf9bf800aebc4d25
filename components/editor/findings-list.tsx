"use client";

import type { EditorFinding } from "@/lib/editor/grammar";
import { SEVERITY_LABELS, SEVERITY_ORDER, type LintSeverity } from "@/lib/iam/client";

const TONES: Record<LintSeverity, string> = {
  error: "border-danger text-danger",
  security: "border-danger text-danger",
  warning: "border-warn text-warn",
  suggestion: "border-brand text-brand-strong",
};

const SINGULAR: Record<LintSeverity, string> = {
  error: "error",
  security: "security warning",
  warning: "warning",
  suggestion: "suggestion",
};

function count(n: number, severity: LintSeverity): string {
  return `${n} ${SINGULAR[severity]}${n === 1 ? "" : "s"}`;
}

/** "1 error, 2 warnings" — or that there is nothing to report. */
export function findingsSummary(findings: readonly EditorFinding[]): string {
  const parts = SEVERITY_ORDER.map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length] as const)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => count(n, severity));
  return parts.length === 0 ? "No findings" : parts.join(", ");
}

/**
 * The editor's findings grouped like IAM Access Analyzer's policy validation (errors, security
 * warnings, warnings, suggestions). Choosing one moves the editor's cursor to it.
 */
export function FindingsList({
  findings,
  complete,
  onSelect,
  id,
}: {
  findings: readonly EditorFinding[];
  /** False while only the grammar has been checked (the action catalog is loading). */
  complete: boolean;
  onSelect: (finding: EditorFinding) => void;
  id?: string;
}) {
  const groups = SEVERITY_ORDER.map((severity) => ({ severity, items: findings.filter((finding) => finding.severity === severity) })).filter(
    (group) => group.items.length > 0,
  );
  return (
    <section id={id} aria-label="Policy checks" className="rounded-md border border-line bg-surface">
      <p className="border-b border-line px-4 py-2 font-semibold" aria-live="polite">
        Policy checks: {findingsSummary(findings)}
        {!complete && <span className="ml-2 font-normal text-muted">(checking actions and resources…)</span>}
      </p>
      {groups.length > 0 && (
        <div className="flex max-h-72 flex-col gap-3 overflow-y-auto px-4 py-3">
          {groups.map((group) => (
            <div key={group.severity}>
              <h3 className={`mb-1 border-l-4 pl-2 font-bold ${TONES[group.severity]}`}>
                {SEVERITY_LABELS[group.severity]} ({group.items.length})
              </h3>
              <ul aria-label={SEVERITY_LABELS[group.severity]} className="flex flex-col gap-1">
                {group.items.map((finding, index) => (
                  <li key={`${finding.code}-${finding.path}-${index}`} className="flex flex-wrap items-baseline gap-x-3">
                    <button
                      type="button"
                      className="rounded px-1 text-left hover:bg-subtle disabled:cursor-default"
                      disabled={!finding.range}
                      onClick={() => onSelect(finding)}
                    >
                      {finding.range && (
                        <span className="mr-2 font-mono text-sm text-muted">
                          Ln {finding.range.startLine}, Col {finding.range.startColumn}
                        </span>
                      )}
                      {finding.message}
                    </button>
                    <a href={finding.docUrl} target="_blank" rel="noreferrer" className="text-sm text-brand underline">
                      Learn more<span className="sr-only"> about {finding.code} (AWS documentation)</span>
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
