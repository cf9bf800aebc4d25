"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PolicyDocumentInput } from "@/components/policy/policy-document-input";
import { PolicyPicker } from "@/components/principal/policy-picker";
import { ErrorAlert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { focusFirstInvalid } from "@/components/ui/field-rule";
import { fieldError, formError } from "@/components/ui/form-errors";
import { Card } from "@/components/ui/misc";
import { useToast } from "@/components/ui/toast";
import { useFieldRule } from "@/components/ui/use-field-rule";
import { paths } from "@/components/shell/paths";
import { parseIamArn } from "@/lib/arn";
import { errorMessage } from "@/lib/queries/api";
import { useAttachPolicyTo } from "@/lib/queries/use-principal-policies";
import { useCreateRole } from "@/lib/queries/use-roles";
import { iamPath, roleName } from "@/lib/schemas/common";
import { accountTrust, serviceTrust, SESSION_HOURS, type TrustPreset } from "./trust-policy";

const FIELDS = ["roleName", "path", "description", "trustPolicy", "maxSessionDuration"];

const PRESETS: { value: TrustPreset; label: string; hint: string }[] = [
  { value: "account", label: "AWS account", hint: "Principals of an account (this one or another) may assume the role." },
  { value: "service", label: "AWS service", hint: "A service such as EC2 or Lambda acts with the role." },
  { value: "custom", label: "Custom trust policy", hint: "Write the trust policy yourself." },
];

const policyNameOf = (arn: string) => parseIamArn(arn)?.name ?? arn;

export function CreateRoleForm({ accountId }: { accountId: string }) {
  const router = useRouter();
  const notify = useToast();
  const create = useCreateRole(accountId);
  const attach = useAttachPolicyTo(accountId);
  const [form, setForm] = useState({ roleName: "", path: "/", description: "", hours: 1 });
  const [preset, setPreset] = useState<TrustPreset>("account");
  const [trustedAccount, setTrustedAccount] = useState(accountId);
  const [service, setService] = useState("ec2.amazonaws.com");
  const [trustPolicy, setTrustPolicy] = useState(accountTrust(accountId));
  const [policies, setPolicies] = useState<string[]>([]);
  const [picking, setPicking] = useState(false);
  const [attaching, setAttaching] = useState<{ done: number } | null>(null);
  // AWS's rules, checked as typed with the schemas the API validates with.
  const nameRule = useFieldRule(roleName, form.roleName);
  const pathRule = useFieldRule(iamPath, form.path.trim() || "/");

  const choosePreset = (next: TrustPreset) => {
    setPreset(next);
    if (next === "account") setTrustPolicy(accountTrust(trustedAccount));
    if (next === "service") setTrustPolicy(serviceTrust(service));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (![nameRule.check(), pathRule.check()].every(Boolean)) return focusFirstInvalid(event.currentTarget);
    create.mutate(
      {
        roleName: form.roleName.trim(),
        path: form.path.trim() || "/",
        description: form.description,
        trustPolicy,
        maxSessionDuration: form.hours * 3600,
      },
      {
        onSuccess: async (role) => {
          // Attaching is a write per policy after the role exists, as in AWS (AttachRolePolicy).
          if (policies.length > 0) setAttaching({ done: 0 });
          for (const [index, arn] of policies.entries()) {
            try {
              await attach.mutateAsync({ kind: "roles", name: role.roleName, policyArn: arn });
              setAttaching({ done: index + 1 });
            } catch (error) {
              notify(`Role ${role.roleName} created, but attaching ${policyNameOf(arn)} failed: ${errorMessage(error)}`, "error");
              router.push(paths.role(accountId, role.roleName));
              return;
            }
          }
          notify(`Role ${role.roleName} created.`);
          router.push(paths.role(accountId, role.roleName));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} className="flex max-w-4xl flex-col gap-6" noValidate>
      <ErrorAlert error={formError(create.error, FIELDS)} />
      <Card title="Trusted entity">
        <div className="flex flex-col gap-5">
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-2 font-semibold">Who can assume this role?</legend>
            {PRESETS.map((p) => (
              <label key={p.value} className={`flex cursor-pointer gap-3 rounded-lg border px-4 py-3 ${preset === p.value ? "border-brand bg-brand-soft" : "border-line"}`}>
                <input type="radio" name="trust-preset" className="mt-1 size-5 accent-brand" checked={preset === p.value} onChange={() => choosePreset(p.value)} />
                <span>
                  <span className="block font-semibold">{p.label}</span>
                  <span className="text-muted">{p.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {preset === "account" && (
            <TextField
              label="Trusted account ID"
              hint="This account by default; another 12-digit account ID allows cross-account access."
              inputMode="numeric"
              value={trustedAccount}
              onChange={(e) => {
                setTrustedAccount(e.target.value);
                setTrustPolicy(accountTrust(e.target.value.trim()));
              }}
            />
          )}
          {preset === "service" && (
            <TextField
              label="Service principal"
              hint="For example ec2.amazonaws.com or lambda.amazonaws.com."
              value={service}
              onChange={(e) => {
                setService(e.target.value);
                setTrustPolicy(serviceTrust(e.target.value.trim()));
              }}
            />
          )}
          <PolicyDocumentInput label="Trust policy" kind="trust" value={trustPolicy} onChange={setTrustPolicy} error={create.error} rows={14} />
        </div>
      </Card>
      <Card title="Role details">
        <div className="flex flex-col gap-5">
          <TextField label="Role name" hint="Up to 64 characters: letters, digits and + = , . @ _ -." value={form.roleName} onChange={(e) => setForm({ ...form, roleName: e.target.value })} error={nameRule.error ?? fieldError(create.error, "roleName")} required />
          <TextField label="Path" value={form.path} onChange={(e) => setForm({ ...form, path: e.target.value })} error={pathRule.error ?? fieldError(create.error, "path")} className="font-mono" />
          <TextAreaField label="Description" rows={2} maxLength={1000} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} error={fieldError(create.error, "description")} />
          <SelectField label="Maximum session duration" value={form.hours} onChange={(e) => setForm({ ...form, hours: Number(e.target.value) })} error={fieldError(create.error, "maxSessionDuration")}>
            {SESSION_HOURS.map((h) => (
              <option key={h} value={h}>
                {h} {h === 1 ? "hour" : "hours"}
              </option>
            ))}
          </SelectField>
        </div>
      </Card>
      <Card title="Permissions (optional)" actions={<Button onClick={() => setPicking(true)}>Choose policies</Button>}>
        {policies.length === 0 ? (
          <p className="text-muted">No policies chosen. You can attach policies later.</p>
        ) : (
          <ul className="flex flex-wrap gap-2" aria-label="Policies to attach">
            {policies.map((arn) => (
              <li key={arn} className="flex items-center gap-2 rounded-full border border-line bg-subtle py-1 pr-1 pl-3">
                {policyNameOf(arn)}
                <button type="button" className="rounded-full px-2 text-muted hover:bg-line hover:text-ink" aria-label={`Do not attach ${policyNameOf(arn)}`} onClick={() => setPolicies(policies.filter((p) => p !== arn))}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {attaching && policies.length > 0 && (
        <p role="status" className="text-muted">
          Attaching policies: {attaching.done} of {policies.length}…
        </p>
      )}
      <div className="flex gap-3">
        <Button type="submit" variant="primary" pending={create.isPending || attaching !== null}>
          Create role
        </Button>
        <ButtonLink href={paths.roles(accountId)}>Cancel</ButtonLink>
      </div>
      <PolicyPicker
        open={picking}
        onClose={() => setPicking(false)}
        accountId={accountId}
        title="Choose policies to attach"
        multiple
        confirmLabel="Choose policies"
        taken={new Set(policies)}
        onConfirm={async (arns) => setPolicies([...policies, ...arns])}
      />
    </form>
  );
}
