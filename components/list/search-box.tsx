"use client";

import { useEffect, useId, useRef, useState } from "react";
import { inputClass } from "@/components/ui/field";

/** A search input that reports what was typed once typing pauses (300 ms). */
export function SearchBox({ label, value, onSearch }: { label: string; value: string; onSearch: (text: string) => void }) {
  const id = useId();
  const [text, setText] = useState(value);
  const timer = useRef<number | undefined>(undefined);
  const lastSent = useRef(value);

  // Follow the URL when it changes from elsewhere (Back, a link), not while typing.
  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  // A link followed while a search still waits (type, then click a result at once) is where the
  // user is going: the waiting search must not replace that navigation with the list's URL.
  useEffect(() => {
    const dropPending = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest("a[href]")) window.clearTimeout(timer.current);
    };
    document.addEventListener("click", dropPending, true);
    return () => document.removeEventListener("click", dropPending, true);
  }, []);

  const change = (next: string) => {
    setText(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      lastSent.current = next.trim();
      onSearch(next.trim());
    }, 300);
  };

  return (
    <div className="relative w-full max-w-md">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <svg viewBox="0 0 24 24" className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-muted" aria-hidden="true">
        <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M20 20l-3.5-3.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        id={id}
        type="search"
        value={text}
        onChange={(event) => change(event.target.value)}
        placeholder={`${label}…`}
        className={`${inputClass} pl-10`}
        autoComplete="off"
      />
    </div>
  );
}
