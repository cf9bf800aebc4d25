"use client";

import { useEffect, useId, useLayoutEffect, useRef } from "react";
import { loadEditorCatalog } from "@/lib/editor/catalog-client";
import { editorReady } from "@/lib/editor/editor-ready";
import { diagnosePolicy } from "@/lib/editor/diagnostics";
import type { EditorFinding } from "@/lib/editor/grammar";
import { monaco, policyModelUri } from "@/lib/editor/monaco";
import type { CatalogIndex, SourceRange } from "@/lib/iam/client";
import { editorHeight, LINE_HEIGHT, type PolicyEditorProps } from "./types";

const DEBOUNCE_MS = 250;

const SEVERITIES: Record<EditorFinding["severity"], monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  security: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  suggestion: monaco.MarkerSeverity.Info,
};

function toMarker(finding: EditorFinding): monaco.editor.IMarkerData | undefined {
  if (!finding.range) return undefined;
  return {
    severity: SEVERITIES[finding.severity],
    message: finding.message,
    code: { value: finding.code, target: monaco.Uri.parse(finding.docUrl) },
    source: finding.source === "grammar" ? "IAM policy grammar" : "Policy check",
    startLineNumber: finding.range.startLine,
    startColumn: finding.range.startColumn,
    endLineNumber: finding.range.endLine,
    endColumn: finding.range.endColumn,
  };
}

function setMarkers(model: monaco.editor.ITextModel, findings: readonly EditorFinding[]): void {
  monaco.editor.setModelMarkers(model, "iam-policy", findings.map(toMarker).filter((marker) => marker !== undefined));
}

function toRange(range: SourceRange): monaco.Range {
  return new monaco.Range(range.startLine, range.startColumn, range.endLine, range.endColumn);
}

/** Monaco's text input: where the accessible name, aria-invalid and aria-describedby belong. */
function inputOf(editor: monaco.editor.IStandaloneCodeEditor): HTMLElement | null {
  return editor.getDomNode()?.querySelector("textarea") ?? null;
}

/** The Monaco policy editor. Loaded only through components/editor/policy-editor.tsx. */
export default function PolicyEditorImpl(props: PolicyEditorProps) {
  const { value, kind, ariaLabel, readOnly = false, rows = 16, extraFindings, highlight, invalid, describedBy } = props;
  const id = useId().replace(/[^a-zA-Z0-9]/g, "");
  const container = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const live = useRef<EditorFinding[]>([]);
  const catalog = useRef<CatalogIndex | undefined>(undefined);
  // The latest callbacks and options, read by listeners created once.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  // A layout effect, so that the cleanup disposes Monaco while its node is still in the document:
  // React detaches the DOM of an unmounting tree before it runs plain effects' cleanups, and
  // Monaco disposed after that (focus and context keys pointing into a detached node) reports
  // errors such as "AbstractContextKeyService has been disposed". The cleanup undoes the setup in
  // reverse: our timer and listeners, then the editor, then its model (never a model under a
  // live editor).
  useLayoutEffect(() => {
    const node = container.current;
    if (!node) return;
    // The options at mount; the effects below apply later changes.
    const { kind, ariaLabel, readOnly = false } = latest.current;
    const model = monaco.editor.createModel(latest.current.value, "json", policyModelUri(kind, id));
    const editor = monaco.editor.create(node, {
      model,
      readOnly,
      ariaLabel,
      // The classic textarea input: screen readers and test tools know it well.
      editContext: false,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 16,
      lineHeight: LINE_HEIGHT,
      tabSize: 2,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      formatOnPaste: false,
      formatOnType: false,
      renderLineHighlight: readOnly ? "none" : "line",
      // Stored documents may be one long line; wrapping keeps them readable without scrolling sideways.
      wordWrap: readOnly ? "on" : "off",
      // Actions, ARNs and keys are strings: suggest while typing inside them.
      quickSuggestions: readOnly ? false : { strings: true, other: true, comments: false },
      suggest: { showWords: false },
      wordBasedSuggestions: "off",
      padding: { top: 8, bottom: 8 },
    });
    editorRef.current = editor;

    let timer: ReturnType<typeof setTimeout> | undefined;
    const diagnose = () => {
      const current = latest.current;
      live.current = readOnly ? [] : diagnosePolicy(model.getValue(), kind, catalog.current, { sizeLimit: current.sizeLimit });
      setMarkers(model, [...live.current, ...(current.extraFindings ?? [])]);
      current.onFindings?.(live.current, catalog.current !== undefined);
    };
    const changes = model.onDidChangeContent(() => {
      latest.current.onChange?.(model.getValue());
      clearTimeout(timer);
      timer = setTimeout(diagnose, DEBOUNCE_MS);
    });
    diagnose();
    let disposed = false;
    if (!readOnly) {
      loadEditorCatalog()
        .then((index) => {
          catalog.current = index;
          if (!disposed) diagnose();
        })
        // Without the catalog the editor still checks the grammar; the linter waits for a reload.
        .catch(() => undefined);
    }

    latest.current.onReady?.({
      reveal(range) {
        editor.setSelection(toRange(range));
        editor.revealRangeInCenterIfOutsideViewport(toRange(range));
        editor.focus();
      },
      focus: () => editor.focus(),
      replaceAll(text) {
        editor.pushUndoStop();
        editor.executeEdits("format", [{ range: model.getFullModelRange(), text }]);
        editor.pushUndoStop();
      },
    });
    performance.mark("policy-editor:interactive");
    editorReady();

    return () => {
      disposed = true;
      editorRef.current = null;
      clearTimeout(timer);
      changes.dispose();
      editor.dispose();
      monaco.editor.setModelMarkers(model, "iam-policy", []);
      model.dispose();
    };
    // Created once per mount (id is stable): later prop changes are applied by the effects below.
  }, [id]);

  // A value set from outside (a template, another version) replaces the text as one undoable
  // edit; at the model level, so read-only viewers follow too.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || model.getValue() === value) return;
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
  }, [value]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly, ariaLabel });
  }, [readOnly, ariaLabel]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) setMarkers(model, [...live.current, ...(extraFindings ?? [])]);
  }, [extraFindings]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !highlight) return;
    const decorations = editor.createDecorationsCollection([{ range: toRange(highlight), options: { isWholeLine: true, className: "bg-warn-soft" } }]);
    editor.revealRangeInCenter(toRange(highlight));
    // Once the editor is disposed its decorations went with it.
    return () => {
      if (editorRef.current === editor) decorations.clear();
    };
  }, [highlight]);

  useEffect(() => {
    const input = editorRef.current && inputOf(editorRef.current);
    if (!input) return;
    if (invalid) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    if (describedBy) input.setAttribute("aria-describedby", describedBy);
    else input.removeAttribute("aria-describedby");
    // Monaco's textarea does not say it is read-only; assistive technology should know (copying
    // and moving the cursor still work on a read-only textarea).
    input.toggleAttribute("readonly", readOnly);
    if (readOnly) input.setAttribute("aria-readonly", "true");
    else input.removeAttribute("aria-readonly");
  }, [invalid, describedBy, readOnly]);

  return <div ref={container} style={{ height: editorHeight(rows) }} className="overflow-hidden rounded-md border border-line bg-surface" data-policy-kind={kind} />;
}
