import { applyEdits, format } from "jsonc-parser";

/**
 * "Format document": re-indents with two spaces and one property per line, keeping every token
 * as written (no re-escaping, no number rewriting, key order kept) — unlike a JSON.parse and
 * JSON.stringify round trip. Works on broken text too; the editor otherwise never reformats.
 */
export function formatPolicyText(text: string): string {
  const edits = format(text, undefined, { tabSize: 2, insertSpaces: true, eol: "\n", insertFinalNewline: false });
  return applyEdits(text, edits);
}
