"use client";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { SimulationDraft } from "./simulation-url";

type Entry = SimulationDraft["context"][number];

/**
 * Request context keys. Keys the policies read but the request lacks are offered from the last
 * result: a condition on a key that is absent does not match, which changes decisions.
 */
export function ContextEditor({ context, suggested, onChange }: { context: Entry[]; suggested: string[]; onChange: (context: Entry[]) => void }) {
  const present = new Set(context.map((entry) => entry.key.toLowerCase()));
  const offered = suggested.filter((key) => !present.has(key.toLowerCase()));
  const set = (index: number, change: Partial<Entry>) => onChange(context.map((entry, i) => (i === index ? { ...entry, ...change } : entry)));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="font-semibold">Context keys</legend>
      <p className="text-sm text-muted">
        Values the request carries (aws:SourceIp, aws:MultiFactorAuthPresent …). Add a key twice for a multivalued key.
      </p>
      {context.map((entry, index) => (
        <div key={index} className="flex gap-2">
          <input className={`${inputClass} font-mono`} aria-label={`Context key ${index + 1}`} value={entry.key} onChange={(event) => set(index, { key: event.target.value })} />
          <input className={`${inputClass} font-mono`} aria-label={`Value of ${entry.key || `context key ${index + 1}`}`} value={entry.value} onChange={(event) => set(index, { value: event.target.value })} />
          <Button variant="ghost" aria-label={`Remove ${entry.key || `context key ${index + 1}`}`} onClick={() => onChange(context.filter((_, i) => i !== index))}>
            ×
          </Button>
        </div>
      ))}
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={() => onChange([...context, { key: "", value: "" }])}>
          Add a context key
        </Button>
        {offered.length > 0 && <span className="text-sm text-muted">Read by the policies:</span>}
        {offered.map((key) => (
          <Button key={key} size="sm" variant="ghost" onClick={() => onChange([...context, { key, value: "" }])}>
            + <span className="font-mono">{key}</span>
          </Button>
        ))}
      </div>
    </fieldset>
  );
}
