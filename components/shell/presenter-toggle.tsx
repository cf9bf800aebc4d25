"use client";

import { useEffect, useState } from "react";
import { PRESENTER_CLASS, PRESENTER_SHORTCUT, isPresenterShortcut, presenterCookie } from "./presenter";

/** The top bar's presenter-mode switch (a toggle button), also reached with Alt+Shift+P. */
export function PresenterToggle({ initial }: { initial: boolean }) {
  const [on, setOn] = useState(initial);

  useEffect(() => {
    document.documentElement.classList.toggle(PRESENTER_CLASS, on);
    document.cookie = presenterCookie(on);
  }, [on]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPresenterShortcut(event)) return;
      event.preventDefault();
      setOn((value) => !value);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <button
      type="button"
      aria-pressed={on}
      aria-keyshortcuts={PRESENTER_SHORTCUT}
      title={`Presenter mode (${PRESENTER_SHORTCUT.replaceAll("+", " + ")})`}
      onClick={() => setOn((value) => !value)}
      className={`inline-flex items-center gap-2 rounded-md border px-3 py-1.5 font-semibold whitespace-nowrap ${
        on ? "border-accent bg-accent text-topbar" : "border-white/25 bg-white/10 text-topbar-ink hover:bg-white/20"
      }`}
    >
      <svg viewBox="0 0 24 24" className="size-5" aria-hidden="true">
        <rect x="3" y="4" width="18" height="12" rx="1.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M12 16v4M8 20h8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      Presenter mode
    </button>
  );
}
