"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { editorHeight, type PolicyEditorHandle, type PolicyEditorProps } from "./types";

export type { PolicyEditorHandle, PolicyEditorProps } from "./types";

// Monaco (and the engine's linter) live in this lazy chunk, out of every page without an editor.
const MonacoPolicyEditor = dynamic<PolicyEditorProps>(() => import("./policy-editor-impl"), { ssr: false });

/**
 * The Monaco policy editor, loaded on the client when shown. Until it is ready the text is shown
 * as written in its place and size, so nobody waits to read the document.
 */
export function PolicyEditor(props: PolicyEditorProps) {
  const [ready, setReady] = useState(false);
  const { onReady } = props;
  const handleReady = (handle: PolicyEditorHandle) => {
    setReady(true);
    onReady?.(handle);
  };
  return (
    <div className="relative" style={{ minHeight: editorHeight(props.rows ?? 16) }}>
      <MonacoPolicyEditor {...props} onReady={handleReady} />
      {!ready && (
        <div
          aria-busy="true"
          style={{ height: editorHeight(props.rows ?? 16) }}
          className="absolute inset-x-0 top-0 overflow-auto rounded-md border border-line bg-surface px-4 py-2"
        >
          <p className="sr-only" role="status">
            Loading the policy editor…
          </p>
          <pre className="font-mono text-base leading-6 text-muted">{props.value}</pre>
        </div>
      )}
    </div>
  );
}
