"use client";

import { useEffect, useLayoutEffect, useRef, type RefObject } from "react";

/**
 * Refuses to submit the form around `anchor` while `check()` finds problems: the native submit
 * event is stopped at the form, before React's own (bubbling) onSubmit handler sees it, so the
 * caller's mutation never runs and nothing is sent. This lets one document input protect every
 * form it is placed in without each form wiring a check of its own.
 */
export function useSubmitGuard<T>(anchor: RefObject<HTMLElement | null>, check: () => T[], onRefused: (problems: T[]) => void): void {
  const latest = useRef({ check, onRefused });
  // Refreshed after each render (not during it), before any submit can be handled.
  useLayoutEffect(() => {
    latest.current = { check, onRefused };
  });

  useEffect(() => {
    const form = anchor.current?.closest("form");
    if (!form) return;
    const submit = (event: SubmitEvent) => {
      const problems = latest.current.check();
      if (problems.length === 0) return;
      event.preventDefault();
      event.stopPropagation();
      latest.current.onRefused(problems);
    };
    form.addEventListener("submit", submit);
    return () => form.removeEventListener("submit", submit);
  }, [anchor]);
}
