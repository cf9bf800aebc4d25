import type { Node } from "jsonc-parser";
import { label } from "./issues";
import type { PathSegment } from "./path";
import type { SourceRange } from "./types";

/**
 * Duplicate keys. RFC 8259 §4 says names within an object SHOULD be unique and that parsers
 * differ on duplicates; JSON.parse (and so the engine) keeps only the last. IAM's grammar has
 * each element once: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 * A reviewer reading `"Effect": "Deny", "Effect": "Allow"` sees a Deny the engine never
 * evaluates, so every repeated key is an error.
 */

export interface DuplicateKey {
  path: PathSegment[];
  message: string;
  range: SourceRange;
}

export interface LocatedText {
  rangeAt(offset: number, length: number): SourceRange;
}

/** The path of a node, read back through its parents (only for the few that are reported). */
function pathOf(node: Node): PathSegment[] {
  const path: PathSegment[] = [];
  let current: Node = node;
  while (current.parent) {
    const parent: Node = current.parent;
    if (parent.type === "property") {
      const key: unknown = parent.children?.[0]?.value;
      path.push(typeof key === "string" ? key : "");
    } else if (parent.type === "array") {
      path.push(parent.children?.indexOf(current) ?? 0);
    }
    current = parent;
  }
  return path.reverse();
}

function times(count: number): string {
  return count === 2 ? "twice" : `${count} times`;
}

// A key repeated a thousand times must not make a message of a thousand line numbers.
const LISTED_LINES = 5;

function lineList(lines: readonly number[]): string {
  if (lines.length > LISTED_LINES) return `${lines.slice(0, LISTED_LINES - 1).join(", ")}, … and ${lines[lines.length - 1]}`;
  return `${lines.slice(0, -1).join(", ")} and ${lines[lines.length - 1]}`;
}

/**
 * Every repeated key at any depth, one issue per repetition (the first occurrence is the one
 * kept as written; each later one is marked). Walks the tree with an explicit stack; stops
 * collecting after `limit` and returns how many more there were.
 */
export function findDuplicateKeys(tree: Node, text: LocatedText, limit: number): { duplicates: DuplicateKey[]; more: number } {
  const duplicates: DuplicateKey[] = [];
  let more = 0;
  const pending: Node[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop()!;
    const children = node.children ?? [];
    if (node.type === "object") {
      const byKey = new Map<string, Node[]>();
      for (const property of children) {
        const keyNode = property.children?.[0];
        if (!keyNode || typeof keyNode.value !== "string") continue;
        const seen = byKey.get(keyNode.value);
        if (seen) seen.push(keyNode);
        else byKey.set(keyNode.value, [keyNode]);
      }
      for (const [key, keyNodes] of byKey) {
        if (keyNodes.length < 2) continue;
        const room = Math.max(limit - duplicates.length, 0);
        more += Math.max(keyNodes.length - 1 - room, 0);
        if (room === 0) continue;
        const lines = keyNodes.map((keyNode) => text.rangeAt(keyNode.offset, keyNode.length).startLine);
        const objectPath = pathOf(node);
        const message = `${label(objectPath)}: ${JSON.stringify(key)} appears ${times(keyNodes.length)} (lines ${lineList(lines)}); JSON keeps only the last, so the text would read differently from how it is evaluated.`;
        for (const keyNode of keyNodes.slice(1, room + 1)) {
          duplicates.push({ path: [...objectPath, key], message, range: text.rangeAt(keyNode.offset, keyNode.length) });
        }
      }
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child.type === "object" || child.type === "array" || child.type === "property") pending.push(child);
    }
  }
  return { duplicates, more };
}
