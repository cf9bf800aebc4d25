"use client";

import { useEffect, useMemo, useState } from "react";
import { loadEditorCatalog } from "@/lib/editor/catalog-client";
import { summarizePolicy, type Catalog, type PolicySummaryResult } from "@/lib/iam/client";

/** Typing pauses this long before the summary is recomputed. */
const DEBOUNCE_MS = 300;

export type PolicySummaryState =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; result: PolicySummaryResult; stale: boolean };

/**
 * The summary of a document, computed in the browser over the catalog the editor also uses
 * (downloaded once per page), and recomputed shortly after the text stops changing.
 */
export function usePolicySummary(document: string): PolicySummaryState {
  const [catalog, setCatalog] = useState<Catalog>();
  const [loadError, setLoadError] = useState<string>();
  const [settled, setSettled] = useState(document);

  useEffect(() => {
    let live = true;
    loadEditorCatalog().then(
      (index) => live && setCatalog(index.catalog),
      (error: unknown) => live && setLoadError(error instanceof Error ? error.message : "The action catalog could not be loaded."),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => setSettled(document), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [document]);

  const result = useMemo(() => (catalog ? summarizePolicy(settled, catalog) : undefined), [catalog, settled]);
  if (loadError) return { status: "error", message: loadError };
  if (!result) return { status: "loading" };
  return { status: "ready", result, stale: settled !== document };
}
