/**
 * How long a spec waits for Monaco to appear: the editor is a lazy 1.1 MB chunk (plus its
 * workers), which on a loaded two-core CI machine has taken over the default 10 s to arrive
 * (seen twice on 2026-12-03, both passing alone). Only the editor's first appearance waits this long.
 */
export const EDITOR_LOAD_MS = 30_000;
