// A build-time transform for one Monaco file (next.config.mjs, turbopack.rules).
// monaco-editor 0.57's internal/common/workers.js, which the JSON language loads for its web
// worker, first imports every editor contribution (code lens, colour picker, inline
// completions, sticky scroll… as editor.main does) and only then defines createWebWorker. On
// our editor pages that is 514 KB of script (133 KB gzip) evaluated while the editor starts, and
// features registered that lib/editor/monaco.ts chose to leave out. The file uses none of them:
// its side-effect-only imports are dropped; its one named import (editor.api) stays.
module.exports = function dropMonacoSideEffectImports(source) {
  const trimmed = source.replace(/^import '[^']+';\r?\n/gm, "");
  if (!/\bcreateWebWorker\b/.test(trimmed) || !/^import \{[^}]*\} from '[^']+';$/m.test(trimmed)) {
    throw new Error("monaco-workers-loader: internal/common/workers.js no longer looks as expected; check it after a monaco-editor upgrade.");
  }
  return trimmed;
};
