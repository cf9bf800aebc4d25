import type { EditorFinding } from "@/lib/editor/grammar";
import type { PolicyKind, SourceRange } from "@/lib/iam/client";

/** What a parent can do with a mounted editor (handed over through `onReady`). */
export interface PolicyEditorHandle {
  /** Selects the range, scrolls it into view and focuses the editor. */
  reveal(range: SourceRange): void;
  focus(): void;
  /** Replaces the whole text as one undoable edit (Format document). */
  replaceAll(text: string): void;
}

export interface PolicyEditorProps {
  value: string;
  onChange?: (text: string) => void;
  /** Which grammar and rules apply: identity, trust, boundary… */
  kind: PolicyKind;
  /** The accessible name of the text input (screen readers, getByLabel). */
  ariaLabel: string;
  readOnly?: boolean;
  /** Visible lines; the editor scrolls beyond them. */
  rows?: number;
  /** The quota the document must fit, in characters without white space (a lint finding). */
  sizeLimit?: number;
  /** Findings from elsewhere (the server's refusal), shown as markers beside the live ones. */
  extraFindings?: readonly EditorFinding[];
  /** A part of the document to highlight and scroll to (e.g. one statement). */
  highlight?: SourceRange;
  /** Marks the input invalid for assistive technology, and names what describes the problem. */
  invalid?: boolean;
  describedBy?: string;
  /**
   * Live findings, debounced, whenever the text changes (and once the catalog loads); `complete`
   * is false while only the grammar could be checked (the catalog is still loading).
   */
  onFindings?: (findings: EditorFinding[], complete: boolean) => void;
  onReady?: (handle: PolicyEditorHandle) => void;
}

/** The editor's line height in pixels: large enough to read on a projector. */
export const LINE_HEIGHT = 24;

export function editorHeight(rows: number): number {
  return rows * LINE_HEIGHT + 16;
}
