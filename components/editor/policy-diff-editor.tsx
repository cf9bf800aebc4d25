"use client";

import dynamic from "next/dynamic";
import { editorHeight } from "./types";

export interface PolicyDiffEditorProps {
  /** The earlier text (e.g. the default version), shown on the left. */
  original: string;
  /** The later text, shown on the right. */
  modified: string;
  /** The accessible name, e.g. "Changes from v1 to v2". */
  ariaLabel: string;
  /** Visible lines. */
  rows?: number;
  /** Two columns (default) or one with the changes inline. */
  sideBySide?: boolean;
}

/**
 * A read-only Monaco diff of two policy texts (versions, a draft against the saved document).
 * Monaco loads with it, in a lazy chunk, only when shown.
 */
export const PolicyDiffEditor = dynamic<PolicyDiffEditorProps>(() => import("./policy-diff-editor-impl"), {
  ssr: false,
  loading: () => (
    <div aria-busy="true" style={{ height: editorHeight(12) }} className="flex items-center justify-center rounded-md border border-line bg-surface text-muted">
      <span role="status">Loading the comparison…</span>
    </div>
  ),
});
