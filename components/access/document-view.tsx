"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef } from "react";
import { parsePolicyText, type SourceRange } from "@/lib/iam/client";

/**
 * The statement a link from the effective-permissions panel points at (`?statement=N`, and for
 * inline policies `inline=NAME`), or null when the page was not opened for this policy.
 */
export function useLinkedStatement(inlinePolicyName?: string): number | null {
  const params = useSearchParams();
  const raw = params.get("statement");
  if (raw === null || !/^\d+$/.test(raw)) return null;
  if (inlinePolicyName !== undefined && params.get("inline")?.toLowerCase() !== inlinePolicyName.toLowerCase()) return null;
  return Number(raw);
}

/** Where Statement[N] is in the text (a lone Statement object counts as Statement[0]). */
export function statementRange(text: string, statement: number): SourceRange | undefined {
  const parsed = parsePolicyText(text);
  return parsed.locate(`Statement[${statement}]`) ?? (statement === 0 ? parsed.locate("Statement") : undefined);
}

/** A policy document as written, with one statement's lines marked and scrolled into view. */
export function DocumentView({ id, text, statement, hidden = false }: { id?: string; text: string; statement: number | null; hidden?: boolean }) {
  const range = useMemo(() => (statement === null ? undefined : statementRange(text, statement)), [text, statement]);
  const marked = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!hidden) marked.current?.scrollIntoView({ block: "center" });
  }, [hidden, range]);
  const lines = text.split("\n");
  return (
    <pre id={id} hidden={hidden} className="overflow-x-auto border-t border-line bg-[#fbfcfd] py-3 font-mono text-[0.9rem]">
      {lines.map((line, index) => {
        const number = index + 1;
        const inside = range !== undefined && number >= range.startLine && number <= range.endLine;
        return (
          <span
            key={index}
            ref={inside && number === range.startLine ? marked : undefined}
            data-highlighted={inside || undefined}
            className={`block px-4 ${inside ? "border-l-4 border-warn bg-warn-soft" : "border-l-4 border-transparent"}`}
          >
            {inside && number === range.startLine && <span className="sr-only">Linked statement starts here. </span>}
            {line || " "}
          </span>
        );
      })}
    </pre>
  );
}
