/**
 * While a policy editor is loading, the editor catalog (4 MB of JSON to download, parse and
 * index) waits, so that the two do not compete for the main thread: the editor is interactive
 * sooner, and the catalog follows it. Pages without an editor load the catalog at once; an
 * editor that never becomes ready holds the catalog back for WAIT_MS at most.
 */

const WAIT_MS = 5_000;
let pending: Promise<void> | undefined;
let release: (() => void) | undefined;

/** An editor is about to load: hold the catalog until it says it is ready. */
export function expectEditor(): void {
  if (pending || typeof window === "undefined") return;
  pending = new Promise<void>((resolve) => {
    release = resolve;
    setTimeout(resolve, WAIT_MS);
  });
}

/** An editor is interactive: the catalog may load. */
export function editorReady(): void {
  release?.();
}

/** Resolves when no editor is loading. */
export function afterEditorLoads(): Promise<void> {
  return pending ?? Promise.resolve();
}
