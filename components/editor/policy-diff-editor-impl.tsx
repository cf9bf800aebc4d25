"use client";

import { useEffect, useId, useLayoutEffect, useRef } from "react";
import { monaco } from "@/lib/editor/monaco";
import { editorHeight, LINE_HEIGHT } from "./types";
import type { PolicyDiffEditorProps } from "./policy-diff-editor";

/** Monaco's diff editor over two policy texts. Loaded only through policy-diff-editor.tsx. */
export default function PolicyDiffEditorImpl({ original, modified, ariaLabel, rows = 20, sideBySide = true }: PolicyDiffEditorProps) {
  const id = useId().replace(/[^a-zA-Z0-9]/g, "");
  const container = useRef<HTMLDivElement>(null);
  const diffRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);
  // The latest props, read by the editor created once on mount.
  const latest = useRef({ original, modified, ariaLabel, sideBySide });
  useLayoutEffect(() => {
    latest.current = { original, modified, ariaLabel, sideBySide };
  });

  // A layout effect, so that Monaco is disposed while its node is still in the document (see
  // policy-editor-impl.tsx), the diff editor before the models it shows.
  useLayoutEffect(() => {
    const node = container.current;
    if (!node) return;
    const { ariaLabel, sideBySide } = latest.current;
    // Plain JSON models outside inmemory://policy/: a diff shows text, it does not lint it.
    const originalModel = monaco.editor.createModel(latest.current.original, "json", monaco.Uri.parse(`inmemory://diff/${id}/original.json`));
    const modifiedModel = monaco.editor.createModel(latest.current.modified, "json", monaco.Uri.parse(`inmemory://diff/${id}/modified.json`));
    const diff = monaco.editor.createDiffEditor(node, {
      readOnly: true,
      originalEditable: false,
      editContext: false,
      automaticLayout: true,
      renderSideBySide: sideBySide,
      // Side by side needs room; on a narrow screen Monaco shows one column instead.
      useInlineViewWhenSpaceIsLimited: true,
      // A read-only comparison has nothing to revert. The gutter's hunk menu would also listen to
      // context keys through a debounced emitter that can fire after disposal ("AbstractContextKeyService
      // has been disposed", microsoft/monaco-editor#4581).
      renderGutterMenu: false,
      renderMarginRevertIcon: false,
      minimap: { enabled: false },
      fontSize: 16,
      lineHeight: LINE_HEIGHT,
      scrollBeyondLastLine: false,
      ignoreTrimWhitespace: false,
      ariaLabel,
      originalAriaLabel: `${ariaLabel}: earlier text`,
      modifiedAriaLabel: `${ariaLabel}: later text`,
    });
    diff.setModel({ original: originalModel, modified: modifiedModel });
    diffRef.current = diff;
    return () => {
      diffRef.current = null;
      diff.dispose();
      originalModel.dispose();
      modifiedModel.dispose();
    };
    // Created once per mount (id is stable); the effects below follow later texts and options.
  }, [id]);

  useEffect(() => {
    const model = diffRef.current?.getModel();
    if (!model) return;
    if (model.original.getValue() !== original) model.original.setValue(original);
    if (model.modified.getValue() !== modified) model.modified.setValue(modified);
  }, [original, modified]);

  useEffect(() => {
    diffRef.current?.updateOptions({ renderSideBySide: sideBySide });
  }, [sideBySide]);

  return <div ref={container} style={{ height: editorHeight(rows) }} className="overflow-hidden rounded-md border border-line bg-surface" />;
}
