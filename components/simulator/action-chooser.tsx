"use client";

import { useEffect, useId, useMemo, useState, type KeyboardEvent } from "react";
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

/**
 * The actions to simulate: a combobox over the catalog. Arrow keys move through the suggestions,
 * Enter or a click adds one, Escape closes them; after a pick the text clears and the list closes.
 */
export function ActionChooser({ actions, onChange }: { actions: string[]; onChange: (actions: string[]) => void }) {
  const catalog = useCatalog();
  const [text, setText] = useState("");
  // Closed by a pick, Escape or leaving the field; typing opens the suggestions again.
  const [closed, setClosed] = useState(false);
  const [active, setActive] = useState(-1);
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const matches = useMemo(() => (catalog ? search(catalog, text) : []), [catalog, text]);
  const shown = matches.slice(0, MAX_SHOWN);
  const open = !closed && shown.length > 0;
  const add = (names: string[]) => onChange([...new Set([...actions, ...names])].slice(0, 100));
  const wildcard = text.includes("*") || text.includes("?");

  const type = (next: string) => {
    setText(next);
    setClosed(false);
    setActive(-1);
  };
  const pick = (names: string[]) => {
    add(names);
    setText("");
    setClosed(true);
    setActive(-1);
  };
  const move = (step: number) => {
    if (shown.length === 0) return;
    setClosed(false);
    setActive((now) => (!open || now < 0 ? (step > 0 ? 0 : shown.length - 1) : (now + step + shown.length) % shown.length));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setClosed(true);
      setActive(-1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const exact = matches.find((name) => name.toLowerCase() === text.trim().toLowerCase());
      if (open && active >= 0 && shown[active]) pick([shown[active]]);
      else if (exact) pick([exact]);
      else if (wildcard && matches.length > 0) pick(matches);
    }
  };

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
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          className={inputClass}
          value={text}
          placeholder={catalog ? "s3:GetObject" : "Loading the action catalog…"}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          onChange={(event) => type(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setClosed(true)}
        />
        {wildcard && matches.length > 0 && <Button onClick={() => pick(matches)}>Add all {matches.length}</Button>}
      </div>
      {/* Always in the page, so aria-controls names an element; hidden while closed. */}
      <ul id={listId} role="listbox" aria-label="Matching actions" hidden={!open} className="flex flex-wrap gap-1.5">
        {open &&
          shown.map((name, index) => (
            <li
              key={name}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              // Keep the focus in the field: the pick closes the list and typing goes on.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick([name])}
              className={`cursor-pointer rounded-md px-2.5 py-1 text-sm font-semibold text-brand hover:bg-brand-soft ${index === active ? "bg-brand-soft ring-2 ring-brand" : ""}`}
            >
              <span aria-hidden="true">+ </span>
              <span className="font-mono">{name}</span>
            </li>
          ))}
      </ul>
      {open && matches.length > MAX_SHOWN && <p className="text-sm text-muted">and {matches.length - MAX_SHOWN} more: type more of the name</p>}
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
