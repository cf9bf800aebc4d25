"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { confirmLeave } from "@/components/editor/use-leave-guard";

export interface TabDef<T extends string> {
  id: T;
  label: string;
}

interface TabsProps<T extends string> {
  tabs: readonly TabDef<T>[];
  label: string;
  /** Renders the panel of the selected tab. */
  children: (tab: T) => ReactNode;
}

/**
 * A WAI-ARIA tablist whose selection lives in the URL (`?tab=`), so a tab can be linked to and
 * survives a reload. Each switch is a history entry: Back returns to the previous tab, not out
 * of the app. Switching unmounts the panel, so unsaved edits in it ask first. Arrow keys, Home
 * and End move between tabs.
 */
export function Tabs<T extends string>({ tabs, label, children }: TabsProps<T>) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const baseId = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const requested = params.get("tab");
  const current = tabs.find((tab) => tab.id === requested)?.id ?? tabs[0].id;

  /** Whether the tab is shown: false when the user chose to stay with unsaved edits. */
  const select = (tab: T): boolean => {
    if (tab === current) return true;
    if (!confirmLeave()) return false;
    const next = new URLSearchParams(params.toString());
    if (tab === tabs[0].id) next.delete("tab");
    else next.set("tab", tab);
    const query = next.toString();
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    if (select(tabs[target].id)) refs.current[target]?.focus();
  };

  return (
    <div>
      <div role="tablist" aria-label={label} className="flex flex-wrap gap-1 border-b border-line">
        {tabs.map((tab, index) => {
          const selected = tab.id === current;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                refs.current[index] = el;
              }}
              role="tab"
              type="button"
              id={`${baseId}-tab-${tab.id}`}
              aria-selected={selected}
              aria-controls={`${baseId}-panel`}
              tabIndex={selected ? 0 : -1}
              onClick={() => select(tab.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={`-mb-px border-b-4 px-4 py-2.5 font-semibold ${
                selected ? "border-brand text-brand" : "border-transparent text-muted hover:text-ink"
              }`}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${current}`} className="pt-6">
        {children(current)}
      </div>
    </div>
  );
}
