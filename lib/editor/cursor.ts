/**
 * Where the cursor is in a policy being typed: inside an action, a resource, or a condition key
 * of some statement. Works on broken text (the document is rarely valid mid-keystroke): it reads
 * jsonc-parser's tolerant location and tree, never JSON.parse. Pure; offsets are 0-based.
 */
import { findNodeAtLocation, getLocation, getNodeValue, parseTree, type Node, type Segment } from "jsonc-parser";

export type CursorPlace = "action" | "resource" | "conditionKey";

export interface CursorContext {
  place: CursorPlace;
  /** The string typed so far, from its opening quote to the cursor. */
  prefix: string;
  /** Offsets of the string's content (inside the quotes) that a completion replaces. */
  start: number;
  end: number;
  /** The statement's Action values (strings only); empty when it uses NotAction or none yet. */
  actions: string[];
  /** For conditionKey: the operator block the key is in, e.g. "StringEquals". */
  operator?: string;
}

const ACTION_ELEMENTS = new Set(["Action", "NotAction"]);
const RESOURCE_ELEMENTS = new Set(["Resource", "NotResource"]);

/** Splits a location path into the statement's own path and the path inside the statement. */
function splitStatementPath(path: readonly Segment[]): { statement: Segment[]; inside: Segment[] } | undefined {
  if (path[0] !== "Statement") return undefined;
  if (typeof path[1] === "number") return { statement: path.slice(0, 2), inside: path.slice(2) };
  // "Statement": { … } — a single statement object.
  return { statement: path.slice(0, 1), inside: path.slice(1) };
}

function placeOf(inside: readonly Segment[], atKey: boolean): CursorPlace | undefined {
  const [element, second, third] = inside;
  if (typeof element !== "string") return undefined;
  const valueOfList = !atKey && (inside.length === 1 || (inside.length === 2 && typeof second === "number"));
  if (ACTION_ELEMENTS.has(element) && valueOfList) return "action";
  if (RESOURCE_ELEMENTS.has(element) && valueOfList) return "resource";
  if (element === "Condition" && atKey && inside.length === 3 && typeof second === "string" && typeof third === "string") return "conditionKey";
  return undefined;
}

function stringValues(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return [];
}

/** The strings of the statement's Action element; NotAction says nothing about what is used. */
export function statementActions(tree: Node | undefined, statementPath: readonly Segment[]): string[] {
  if (!tree) return [];
  const node = findNodeAtLocation(tree, [...statementPath, "Action"]);
  return node ? stringValues(getNodeValue(node)) : [];
}

/** The cursor's place in the policy, or undefined where the catalog has nothing to offer. */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const location = getLocation(text, offset);
  const node = location.previousNode;
  // Only inside a string (a property name is reported as "property"): that is where an action,
  // an ARN or a key is being typed.
  if (!node || (node.type !== "string" && node.type !== "property") || offset <= node.offset || offset > node.offset + node.length) return undefined;
  const split = splitStatementPath(location.path);
  if (!split) return undefined;
  const place = placeOf(split.inside, location.isAtPropertyKey);
  if (!place) return undefined;

  const start = node.offset + 1;
  const closed = node.length >= 2 && text[node.offset + node.length - 1] === '"';
  const end = Math.max(offset, closed ? node.offset + node.length - 1 : offset);
  const tree = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const context: CursorContext = { place, prefix: text.slice(start, offset), start, end, actions: statementActions(tree, split.statement) };
  if (place === "conditionKey") context.operator = String(split.inside[1]);
  return context;
}
