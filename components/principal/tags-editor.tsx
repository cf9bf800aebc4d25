"use client";

import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PermittedButton } from "@/components/ui/permitted";
import { inputClass } from "@/components/ui/field";
import { Card } from "@/components/ui/misc";
import { useToast } from "@/components/ui/toast";
import type { Tag } from "@/lib/queries/types";
import { useTagResource, useUntagResource, type TaggableRef } from "@/lib/queries/use-tags";

const MAX_TAGS = 50;

const TAG_ACTION: Record<TaggableRef["kind"], string> = { users: "iam:TagUser", roles: "iam:TagRole", policies: "iam:TagPolicy" };

/** What a resource's tags are for: principals' tags are matched as aws:PrincipalTag, others' as aws:ResourceTag. */
const TAG_CONDITION_KEY: Record<TaggableRef["kind"], string> = {
  users: "aws:PrincipalTag",
  roles: "aws:PrincipalTag",
  policies: "aws:ResourceTag",
};

/** View tags, or edit them all at once: removed keys are untagged, new and changed ones tagged. */
export function TagsEditor({ resource, tags }: { resource: TaggableRef; tags: Tag[] }) {
  const [editing, setEditing] = useState(false);
  return (
    <Card title={`Tags (${tags.length})`} actions={
        !editing && (
          <PermittedButton variant="primary" check={resource.arn ? { account: resource.accountId, action: TAG_ACTION[resource.kind], resource: resource.arn } : null} onClick={() => setEditing(true)}>
            Manage tags
          </PermittedButton>
        )
      }>
      {editing ? (
        <TagsForm resource={resource} tags={tags} onDone={() => setEditing(false)} />
      ) : tags.length === 0 ? (
        <p className="text-muted">
          No tags. Tags are key–value labels; policies can match them in conditions ({TAG_CONDITION_KEY[resource.kind]}).
        </p>
      ) : (
        <table className="w-full text-left">
          <caption className="sr-only">Tags</caption>
          <thead>
            <tr className="text-sm tracking-wide text-muted uppercase">
              <th scope="col" className="py-2 pr-4">Key</th>
              <th scope="col" className="py-2">Value</th>
            </tr>
          </thead>
          <tbody>
            {tags.map((tag) => (
              <tr key={tag.key} className="border-t border-line">
                <td className="py-2.5 pr-4 font-semibold">{tag.key}</td>
                <td className="py-2.5">{tag.value || <span className="text-muted">(empty)</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

interface Draft extends Tag {
  id: number;
}

function TagsForm({ resource, tags, onDone }: { resource: TaggableRef; tags: Tag[]; onDone: () => void }) {
  const notify = useToast();
  const tag = useTagResource(resource);
  const untag = useUntagResource(resource);
  const [rows, setRows] = useState<Draft[]>(() => tags.map((t, id) => ({ ...t, id })));
  const [nextId, setNextId] = useState(tags.length);
  const pending = tag.isPending || untag.isPending;

  const edit = (id: number, patch: Partial<Tag>) => setRows(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const kept = rows.filter((row) => row.key.trim() !== "").map((row) => ({ key: row.key.trim(), value: row.value }));
    const keptKeys = new Set(kept.map((t) => t.key.toLowerCase()));
    const removed = tags.filter((t) => !keptKeys.has(t.key.toLowerCase())).map((t) => t.key);
    const changed = kept.filter((t) => !tags.some((old) => old.key === t.key && old.value === t.value));
    try {
      if (removed.length > 0) await untag.mutateAsync(removed);
      if (changed.length > 0) await tag.mutateAsync(changed);
      notify("Tags saved.");
      onDone();
    } catch {
      // The error is shown from the mutation's state.
    }
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <ErrorAlert error={tag.error ?? untag.error} />
      <p className="text-muted">Keys are unique regardless of case, up to 128 characters; values up to 256. At most {MAX_TAGS} tags.</p>
      <ul className="flex flex-col gap-3">
        {rows.map((row, index) => (
          <li key={row.id} className="flex flex-wrap items-end gap-3">
            <label className="flex min-w-48 flex-1 flex-col gap-1">
              <span className="font-semibold">Tag {index + 1} key</span>
              <input className={inputClass} value={row.key} onChange={(e) => edit(row.id, { key: e.target.value })} />
            </label>
            <label className="flex min-w-48 flex-1 flex-col gap-1">
              <span className="font-semibold">Tag {index + 1} value</span>
              <input className={inputClass} value={row.value} onChange={(e) => edit(row.id, { value: e.target.value })} />
            </label>
            <Button onClick={() => setRows(rows.filter((r) => r.id !== row.id))} aria-label={`Remove tag ${row.key || index + 1}`}>
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <div>
        <Button
          disabled={rows.length >= MAX_TAGS}
          onClick={() => {
            setRows([...rows, { id: nextId, key: "", value: "" }]);
            setNextId(nextId + 1);
          }}
        >
          Add tag
        </Button>
      </div>
      <div className="flex gap-3 border-t border-line pt-4">
        <Button type="submit" variant="primary" pending={pending}>
          Save tags
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
