/**
 * The one module that loads Monaco. Imported only from components/editor/*-impl.tsx, which
 * next/dynamic loads on the client when an editor is shown, so pages without an editor never
 * download it. Everything is bundled and served from our origin (no CDN): the editor core, the
 * JSON language with its worker, and our IAM providers. Only the JSON language is registered.
 */
// Only the editor features a policy needs (Monaco's register.all adds code lenses, color pickers,
// inline completions, GPU rendering… and a megabyte of script).
import "monaco-editor/features/codeEditor/register";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/diffEditor/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/gotoLine/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/multicursor/register";
import "monaco-editor/features/quickCommand/register";
import "monaco-editor/features/readOnlyMessage/register";
import "monaco-editor/features/smartSelect/register";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/suggest/register";
import "monaco-editor/features/toggleTabFocusMode/register";
import "monaco-editor/features/wordHighlighter/register";
import "monaco-editor/features/wordOperations/register";
// What editor.main adds beyond the features: core commands, the suggest widget, marker status.
import "monaco-editor/editor/browser/coreCommands";
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus";
import "monaco-editor/editor/common/standaloneStrings";
import * as monaco from "monaco-editor/editor/editor.api";
import { jsonDefaults } from "monaco-editor/languages/features/json/register";
import { policyJsonSchema, POLICY_KINDS, type PolicyKind } from "@/lib/iam/client";
import { cachedServiceDescriptions, loadEditorCatalog, loadServiceDescriptions } from "./catalog-client";
import { catalogSuggestions, type SuggestionKind } from "./completion";
import { cursorContext } from "./cursor";
import { hoverMarkdown, hoverTarget } from "./hover";

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

// Workers are bundled beside the app: the JSON language service, and the editor's own worker
// (diffs, word ranges) for everything else.
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === "json") return new Worker(new URL("monaco-editor/language/json/json.worker.js", import.meta.url), { type: "module" });
    return new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), { type: "module" });
  },
};

/** Policy models live under inmemory://policy/<kind>/; the kind picks schema and rules. */
export function policyModelUri(kind: PolicyKind, id: string): monaco.Uri {
  return monaco.Uri.parse(`inmemory://policy/${kind}/${id}.json`);
}

function kindOfModel(model: monaco.editor.ITextModel): PolicyKind | undefined {
  const match = /^\/([a-z]+)\//.exec(model.uri.path);
  return POLICY_KINDS.find((kind) => kind === match?.[1]);
}

// Grammar errors come from lib/iam/validate (AWS's rules, exact paths); the JSON service's own
// diagnostics would repeat them in other words, so it only completes, hovers and folds.
jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  enableSchemaRequest: false,
  schemas: POLICY_KINDS.map((kind) => ({
    uri: `iam-console://schemas/policy-${kind}.json`,
    fileMatch: [`policy/${kind}/*.json`],
    schema: policyJsonSchema(kind),
  })),
});
jsonDefaults.setModeConfiguration({
  completionItems: true,
  hovers: true,
  documentSymbols: true,
  foldingRanges: true,
  selectionRanges: true,
  tokens: true,
  colors: false,
  diagnostics: false,
  documentFormattingEdits: false,
  documentRangeFormattingEdits: false,
});

const ITEM_KINDS: Record<SuggestionKind, monaco.languages.CompletionItemKind> = {
  service: monaco.languages.CompletionItemKind.Module,
  action: monaco.languages.CompletionItemKind.Function,
  conditionKey: monaco.languages.CompletionItemKind.Property,
  resource: monaco.languages.CompletionItemKind.Reference,
};

function rangeOf(model: monaco.editor.ITextModel, start: number, end: number): monaco.Range {
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(end);
  return new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column);
}

/** Services whose descriptions a completion or hover needs, fetched before answering. */
async function descriptionsFor(services: readonly string[]): Promise<void> {
  await Promise.all(services.map((service) => loadServiceDescriptions(service).catch(() => undefined)));
}

monaco.languages.registerCompletionItemProvider("json", {
  triggerCharacters: ['"', ":"],
  async provideCompletionItems(model, position) {
    if (!kindOfModel(model)) return { suggestions: [] };
    const text = model.getValue();
    const context = cursorContext(text, model.getOffsetAt(position));
    if (!context) return { suggestions: [] };
    const index = await loadEditorCatalog();
    const colon = context.prefix.indexOf(":");
    if (context.place === "action" && colon > 0) await descriptionsFor([context.prefix.slice(0, colon)]);
    const range = rangeOf(model, context.start, context.end);
    const suggestions = catalogSuggestions(context, index, cachedServiceDescriptions).map(
      (item): monaco.languages.CompletionItem => ({
        label: { label: item.label, description: item.detail },
        kind: ITEM_KINDS[item.kind],
        detail: item.detail,
        documentation: item.documentation,
        insertText: item.insertText,
        insertTextRules: item.snippet ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
        sortText: item.sortText,
        filterText: item.label,
        range,
        command: item.retrigger ? { id: "editor.action.triggerSuggest", title: "More" } : undefined,
      }),
    );
    return { suggestions };
  },
});

monaco.languages.registerHoverProvider("json", {
  async provideHover(model, position) {
    if (!kindOfModel(model)) return null;
    const target = hoverTarget(model.getValue(), model.getOffsetAt(position));
    if (!target) return null;
    const index = await loadEditorCatalog();
    const service = target.kind === "action" ? index.action(target.value)?.service : index.conditionKey(target.value)?.service;
    if (service) await descriptionsFor([service]);
    const markdown = hoverMarkdown(target, index, cachedServiceDescriptions);
    return markdown ? { range: rangeOf(model, target.start, target.end), contents: [{ value: markdown }] } : null;
  },
});

export { monaco };
