"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PolicyDocumentInput } from "@/components/policy/policy-document-input";
import { PolicySummaryPanel } from "@/components/policy/policy-summary";
import { ErrorAlert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { inputClass, TextAreaField, TextField } from "@/components/ui/field";
import { focusFirstInvalid } from "@/components/ui/field-rule";
import { fieldError, formError } from "@/components/ui/form-errors";
import { Card } from "@/components/ui/misc";
import { useToast } from "@/components/ui/toast";
import { useFieldRule } from "@/components/ui/use-field-rule";
import { paths } from "@/components/shell/paths";
import type { Tag } from "@/lib/queries/types";
import { useCreatePolicy } from "@/lib/queries/use-policies";
import { iamPath, policyName } from "@/lib/schemas/common";

const FIELDS = ["policyName", "path", "description", "policyDocument", "tags"];

const TEMPLATE = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadMyBucket",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListBucket"],
      "Resource": ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*"]
    }
  ]
}`;

export function CreatePolicyForm({ accountId }: { accountId: string }) {
  const router = useRouter();
  const notify = useToast();
  const create = useCreatePolicy(accountId);
  const [form, setForm] = useState({ policyName: "", path: "/", description: "" });
  const [document, setDocument] = useState(TEMPLATE);
  const [tags, setTags] = useState<Tag[]>([]);
  // AWS's rules, checked as typed with the schemas the API validates with.
  const nameRule = useFieldRule(policyName, form.policyName);
  const pathRule = useFieldRule(iamPath, form.path.trim() || "/");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (![nameRule.check(), pathRule.check()].every(Boolean)) return focusFirstInvalid(event.currentTarget);
    create.mutate(
      {
        policyName: form.policyName.trim(),
        path: form.path.trim() || "/",
        description: form.description,
        policyDocument: document,
        tags: tags.filter((t) => t.key.trim() !== "").map((t) => ({ key: t.key.trim(), value: t.value })),
      },
      {
        onSuccess: (policy) => {
          notify(`Policy ${policy.policyName} created.`);
          router.push(paths.policy(accountId, policy.policyName));
        },
      },
    );
  };

  const setTag = (index: number, patch: Partial<Tag>) => setTags(tags.map((t, i) => (i === index ? { ...t, ...patch } : t)));

  return (
    <form onSubmit={submit} className="flex max-w-4xl flex-col gap-6" noValidate>
      <ErrorAlert error={formError(create.error, FIELDS)} />
      <Card title="Policy document">
        <PolicyDocumentInput
          label="Policy document"
          hint="JSON, as IAM stores it. Up to 6,144 characters, not counting white space."
          value={document}
          onChange={setDocument}
          error={create.error}
          rows={18}
        />
      </Card>
      <Card title="Policy summary">
        <PolicySummaryPanel document={document} />
      </Card>
      <Card title="Policy details">
        <div className="flex flex-col gap-5">
          <TextField label="Policy name" hint="Up to 128 characters: letters, digits and + = , . @ _ -." value={form.policyName} onChange={(e) => setForm({ ...form, policyName: e.target.value })} error={nameRule.error ?? fieldError(create.error, "policyName")} required />
          <TextField label="Path" value={form.path} onChange={(e) => setForm({ ...form, path: e.target.value })} error={pathRule.error ?? fieldError(create.error, "path")} className="font-mono" />
          <TextAreaField label="Description" rows={2} maxLength={1000} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} error={fieldError(create.error, "description")} />
        </div>
      </Card>
      <Card title="Tags (optional)" actions={<Button onClick={() => setTags([...tags, { key: "", value: "" }])}>Add tag</Button>}>
        {fieldError(create.error, "tags") && <p className="mb-3 font-medium text-danger">{fieldError(create.error, "tags")}</p>}
        {tags.length === 0 ? (
          <p className="text-muted">No tags.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {tags.map((tag, index) => (
              <li key={index} className="flex flex-wrap items-end gap-3">
                <label className="flex min-w-48 flex-1 flex-col gap-1">
                  <span className="font-semibold">Tag {index + 1} key</span>
                  <input className={inputClass} value={tag.key} onChange={(e) => setTag(index, { key: e.target.value })} />
                </label>
                <label className="flex min-w-48 flex-1 flex-col gap-1">
                  <span className="font-semibold">Tag {index + 1} value</span>
                  <input className={inputClass} value={tag.value} onChange={(e) => setTag(index, { value: e.target.value })} />
                </label>
                <Button onClick={() => setTags(tags.filter((_, i) => i !== index))} aria-label={`Remove tag ${index + 1}`}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <div className="flex gap-3">
        <Button type="submit" variant="primary" pending={create.isPending}>
          Create policy
        </Button>
        <ButtonLink href={paths.policies(accountId)}>Cancel</ButtonLink>
      </div>
    </form>
  );
}
