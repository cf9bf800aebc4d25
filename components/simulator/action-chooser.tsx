"use client";

import { useEffect, useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { loadEditorCatalog } from "@/lib/editor/catalog-client";
import { compileGlob, type CatalogIndex } from "@/lib/iam/client";

const MAX_SHOWN = 12;

/** The catalog, downloaded once per page; null while loading or when it cannot be had. */
export function useCatalog(): CatalogIndex | null {
  const [catalog, setCatalog] = useState<CatalogIndex | null>(null);
  useEffect(() => {
    let live = true;
    loadEditorCatalog().then(
      (index) => live && setCatalog(index),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return catalog;
}

/** `s3:Get*` → every s3 action starting with Get; `getobj` → actions containing it. */
function search(catalog: CatalogIndex, text: string): string[] {
  const query = text.trim().toLowerCase();
  if (!query) return [];
  const colon = query.indexOf(":");
  if (colon > 0) {
    // Without a `*` the text is a prefix; the engine's matcher keeps a long pattern linear.
    const matches = compileGlob(`${query.slice(colon + 1)}${query.includes("*") ? "" : "*"}`);
    const service = query.slice(0, colon);
    return catalog.actionsOf(service).filter((action) => matches(action.name.toLowerCase())).map((action) => `${action.service}:${action.name}`);
  }
  const found: string[] = [];
  for (const service of catalog.catalog.services) {
    for (const action of service.actions) {
      if (`${service.prefix}:${action.name}`.toLowerCase().includes(query)) found.push(`${service.prefix}:${action.name}`);
    }
  }
  return found;
}

export function ActionChooser({ actions, onChange }: { actions: string[]; onChange: (actions: string[]) => void }) {
  const catalog = useCatalog();
  const [text, setText] = useState("");
  const id = useId();
  const matches = useMemo(() => (catalog ? search(catalog, text) : []), [catalog, text]);
  const add = (names: string[]) => onChange([...new Set([...actions, ...names])].slice(0, 100));
  const wildcard = text.includes("*") || text.includes("?");

  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="font-semibold">
        Actions
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        Search the catalog (s3:GetObject, getobject) or type a wildcard (s3:Get*) to add every action it matches.
      </p>
      <div className="flex gap-2">
        <input
          id={id}
          className={inputClass}
          value={text}
          placeholder={catalog ? "s3:GetObject" : "Loading the action catalog…"}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== "Enter") return;
            event.preventDefault();
            const exact = matches.find((name) => name.toLowerCase() === text.trim().toLowerCase());
            if (exact) add([exact]);
            else if (wildcard && matches.length > 0) add(matches);
            else return;
            setText("");
          }}
        />
        {wildcard && matches.length > 0 && (
          <Button onClick={() => (add(matches), setText(""))}>Add all {matches.length}</Button>
        )}
      </div>
      {matches.length > 0 && (
        <ul aria-label="Matching actions" className="flex flex-wrap gap-1.5">
          {matches.slice(0, MAX_SHOWN).map((name) => (
            <li key={name}>
              <Button size="sm" variant="ghost" onClick={() => add([name])} aria-label={`Add ${name}`}>
                + <span className="font-mono">{name}</span>
              </Button>
            </li>
          ))}
          {matches.length > MAX_SHOWN && <li className="self-center text-sm text-muted">and {matches.length - MAX_SHOWN} more</li>}
        </ul>
      )}
      {actions.length > 0 && (
        <ul aria-label="Chosen actions" className="flex flex-wrap gap-2">
          {actions.map((name) => (
            <li key={name} className="inline-flex items-center gap-1 rounded-full border border-line bg-subtle py-0.5 pr-1 pl-3 font-mono text-sm">
              {name}
              <button
                type="button"
                className="rounded-full px-1.5 text-muted hover:bg-line hover:text-ink"
                aria-label={`Remove ${name}`}
                onClick={() => onChange(actions.filter((action) => action !== name))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
