"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { expectEditor } from "@/lib/editor/editor-ready";
import { editorHeight, type PolicyEditorHandle, type PolicyEditorProps } from "./types";

export type { PolicyEditorHandle, PolicyEditorProps } from "./types";

// Monaco (and the engine's linter) live in this lazy chunk, out of every page without an editor.
const loadImpl = () => import("./policy-editor-impl");
const MonacoPolicyEditor = dynamic<PolicyEditorProps>(loadImpl, { ssr: false });

/**
 * Starts Monaco's download as early as possible: when this module is evaluated, if the server's
 * page already holds an editor's placeholder, else when an editor first renders. The lazy
 * component alone would wait until the page has hydrated.
 */
let requested = false;
function requestImpl(): void {
  if (requested || typeof window === "undefined") return;
  requested = true;
  expectEditor();
  void loadImpl().catch(() => (requested = false));
}
if (typeof document !== "undefined" && document.querySelector("[data-policy-editor]")) requestImpl();

/**
 * The Monaco policy editor, loaded on the client when shown. Until it is ready the text is shown
 * as written in its place and size, so nobody waits to read the document.
 */
export function PolicyEditor(props: PolicyEditorProps) {
  const [ready, setReady] = useState(false);
  requestImpl();
  const { onReady } = props;
  const handleReady = (handle: PolicyEditorHandle) => {
    setReady(true);
    onReady?.(handle);
  };
  return (
    <div className="relative" style={{ minHeight: editorHeight(props.rows ?? 16) }} data-policy-editor="">
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
