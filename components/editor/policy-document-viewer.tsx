"use client";

import type { PolicyKind, SourceRange } from "@/lib/iam/client";
import { PolicyEditor } from "./policy-editor";

interface PolicyDocumentViewerProps {
  /** The document exactly as stored. */
  value: string;
  /** The accessible name, e.g. "Policy document". */
  label: string;
  kind?: PolicyKind;
  /** A part to highlight and scroll to: lib/iam/validate parsePolicyText(text).locate("Statement[2]"). */
  highlight?: SourceRange;
  /** The most lines shown before the viewer scrolls. */
  maxRows?: number;
}

/**
 * A policy document, read-only, in the Monaco editor: syntax colouring, folding, hovers on
 * actions and condition keys, find — and the text exactly as stored.
 */
export function PolicyDocumentViewer({ value, label, kind = "identity", highlight, maxRows = 28 }: PolicyDocumentViewerProps) {
  const rows = Math.min(Math.max(value.split("\n").length, 3), maxRows);
  return <PolicyEditor value={value} kind={kind} ariaLabel={label} readOnly rows={rows} highlight={highlight} />;
}
