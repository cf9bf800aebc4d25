"use client";

import { useId, useMemo } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useCatalog } from "./action-chooser";

/** An ARN pattern of the catalog with the placeholders this console can fill. */
function fillTemplate(pattern: string, accountId: string): string {
  return pattern.replace("${Partition}", "aws").replace("${Region}", "us-east-1").replace("${Account}", accountId);
}

export function ResourceChooser({
  resources,
  actions,
  accountId,
  onChange,
}: {
  resources: string[];
  actions: string[];
  accountId: string;
  onChange: (resources: string[]) => void;
}) {
  const catalog = useCatalog();
  const id = useId();
  const templates = useMemo(() => {
    if (!catalog) return [];
    const found = new Map<string, string>();
    for (const name of actions) {
      const action = catalog.action(name);
      if (!action) continue;
      for (const type of catalog.resourceTypesOf(action)) {
        if (type.arn) found.set(`${action.service}:${type.name}`, fillTemplate(type.arn, accountId));
      }
    }
    return [...found];
  }, [catalog, actions, accountId]);
  const rows = resources.length > 0 ? resources : [""];
  const set = (index: number, value: string) => onChange(rows.map((row, i) => (i === index ? value : row)));

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="font-semibold">Resources</legend>
      <p id={`${id}-hint`} className="text-sm text-muted">
        ARNs, one per line; leave empty for <span className="font-mono">*</span>. Each action is simulated on each resource.
      </p>
      {rows.map((resource, index) => (
        <div key={index} className="flex gap-2">
          <input
            className={`${inputClass} font-mono`}
            aria-label={`Resource ${index + 1}`}
            aria-describedby={`${id}-hint`}
            value={resource}
            placeholder="arn:aws:s3:::my_bucket/key.txt"
            onChange={(event) => set(index, event.target.value)}
          />
          {rows.length > 1 && (
            <Button variant="ghost" aria-label={`Remove resource ${index + 1}`} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
              ×
            </Button>
          )}
        </div>
      ))}
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={() => onChange([...rows, ""])}>
          Add a resource
        </Button>
        {templates.length > 0 && <span className="text-sm text-muted">Templates for the chosen actions:</span>}
        {templates.slice(0, 8).map(([type, arn]) => (
          <Button key={type} size="sm" variant="ghost" title={arn} onClick={() => onChange([...rows.filter((row) => row.trim()), arn])}>
            {type}
          </Button>
        ))}
      </div>
    </fieldset>
  );
}
