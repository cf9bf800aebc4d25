"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { accountLabel } from "@/components/accounts/account-alias";
import { Pagination } from "@/components/list/pagination";
import { PastTheEnd } from "@/components/list/past-the-end";
import { paths } from "@/components/shell/paths";
import { ErrorAlert } from "@/components/ui/alert";
import { ArnText } from "@/components/ui/arn-text";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Badge, EmptyState, PageHeader } from "@/components/ui/misc";
import { useAccounts } from "@/lib/queries/use-accounts";
import { useWhoCan, type WhoCanRequest } from "@/lib/queries/use-who-can";
import type { WhoCanPrincipal } from "@/lib/schemas/who-can";
import { AccessPathView } from "./access-path";
import { AccountsReadNote } from "./accounts-read";
import { WhoCanNearMisses } from "./near-misses";

function principalHref(principal: WhoCanPrincipal): string | null {
  if (principal.kind === "user") return paths.user(principal.accountId, principal.name);
  if (principal.kind === "role") return paths.role(principal.accountId, principal.name);
  return null;
}

const KIND_LABEL = { user: "User", role: "Role", root: "Root" } as const;

/** Who can do one action on one resource, across every account; the question lives in the URL. */
export function WhoCan({ accountId }: { accountId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const accounts = useAccounts();
  const asked = useMemo<WhoCanRequest | null>(() => {
    const action = params.get("action");
    if (!action) return null;
    const page = Number.parseInt(params.get("page") ?? "1", 10);
    return {
      action,
      resource: params.get("resource") || "*",
      resourceAccount: params.get("resourceAccount") ?? accountId,
      context: params.get("context") ?? "",
      page: Number.isFinite(page) && page > 0 ? page : 1,
    };
  }, [params, accountId]);
  const [draft, setDraft] = useState<WhoCanRequest>(asked ?? { action: "", resource: "", resourceAccount: accountId, context: "" });
  // A new question in the URL (a link, back and forward) fills the form, adjusting state during render.
  const [lastAsked, setLastAsked] = useState(asked);
  if (asked !== lastAsked) {
    setLastAsked(asked);
    if (asked) setDraft(asked);
  }
  const answer = useWhoCan(asked);
  const result = answer.data;

  const submit = () => {
    const next = new URLSearchParams();
    next.set("action", draft.action.trim());
    if (draft.resource.trim()) next.set("resource", draft.resource.trim());
    if (draft.resourceAccount) next.set("resourceAccount", draft.resourceAccount);
    if (draft.context?.trim()) next.set("context", draft.context.trim());
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  // The page is in the URL with the question; a new question starts again from page 1.
  const goTo = (page: number) => {
    const next = new URLSearchParams(params.toString());
    if (page === 1) next.delete("page");
    else next.set("page", String(page));
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Who can"
        description="Every principal, in every account you may read, allowed one action on one resource — and how: its own policies, a group, the account root, or a role it can assume (directly or through a chain of roles)."
      />
      <form
        className="grid gap-4 rounded-xl border border-line bg-surface p-5 shadow-sm md:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <TextField label="Action" hint="service:ActionName, for example iam:CreateUser" className="font-mono" required value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} />
        <TextField label="Resource" hint="An ARN, or leave empty for *" className="font-mono" value={draft.resource} placeholder="*" onChange={(e) => setDraft({ ...draft, resource: e.target.value })} />
        <SelectField
          label="Resource owned by"
          hint="Used when the ARN does not name its account (S3 buckets, *). Other accounts' principals need a resource-based policy."
          value={draft.resourceAccount}
          onChange={(e) => setDraft({ ...draft, resourceAccount: e.target.value })}
        >
          {(accounts.data ?? [{ accountId, alias: accountId }]).map((account) => (
            <option key={account.accountId} value={account.accountId}>
              {accountLabel(account)}
            </option>
          ))}
        </SelectField>
        <TextAreaField label="Context (optional)" hint="key=value, one per line, e.g. aws:MultiFactorAuthPresent=true" rows={2} className="font-mono text-sm" value={draft.context} onChange={(e) => setDraft({ ...draft, context: e.target.value })} />
        <div>
          <Button type="submit" variant="primary" pending={answer.isFetching} disabled={!draft.action.trim()}>
            Find who can
          </Button>
        </div>
      </form>

      <div aria-live="polite" className="flex flex-col gap-4">
        {answer.error && <ErrorAlert error={answer.error} />}
        {!asked && <EmptyState title="Ask a question">Choose an action (and a resource) to list every principal allowed to do it.</EmptyState>}
        {result && (
          <section aria-labelledby="who-can-results" className="rounded-xl border border-line bg-surface shadow-sm">
            <div className="border-b border-line px-5 py-3.5">
              <h2 id="who-can-results" className="text-lg font-bold">
                {result.total} allowed to <span className="font-mono">{result.action}</span> on <ArnText value={result.resource} />
              </h2>
              <p className="text-muted" role="status">
                Judged {result.evaluated.users} users, {result.evaluated.roles} roles and {result.evaluated.accounts} account roots in {result.milliseconds} ms
                {result.explicitlyDenied > 0 ? `; ${result.explicitlyDenied} stopped by an explicit deny` : ""}.
              </p>
              <AccountsReadNote accounts={result.accounts} className="mt-2" />
            </div>
            {result.total === 0 ? (
              <div className="px-5 py-6">
                <p className="text-lg">
                  Nobody in these accounts: no principal is allowed this action on this resource. Check the action&apos;s spelling, try the resource&apos;s ARN or *, or add
                  context keys the policies&apos; conditions need.
                </p>
                <WhoCanNearMisses nearMisses={result.nearMisses} />
              </div>
            ) : result.items.length === 0 ? (
              <PastTheEnd onFirst={() => goTo(1)} />
            ) : (
              <ul aria-label="Allowed principals" className="divide-y divide-line">
                {result.items.map((principal) => {
                  const href = principalHref(principal);
                  return (
                    <li key={principal.arn} className="px-5 py-3">
                      <div className="flex flex-wrap items-center gap-2">
                        <Badge tone={principal.kind === "root" ? "aws" : "neutral"}>{KIND_LABEL[principal.kind]}</Badge>
                        {href ? (
                          <Link href={href} className="text-lg font-bold text-brand underline-offset-4 hover:underline">
                            {principal.name}
                          </Link>
                        ) : (
                          <span className="text-lg font-bold">{principal.name}</span>
                        )}
                        <span className="font-mono text-sm text-muted">{principal.arn}</span>
                      </div>
                      <div className="mt-2 flex flex-col gap-2 pl-2">
                        {principal.paths.map((path, i) => (
                          <AccessPathView key={i} path={path} accountId={principal.accountId} />
                        ))}
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
            {result.total > 0 && result.nearMisses.length > 0 && (
              <div className="border-t border-line px-5 py-4">
                <p>Only account root users are allowed: no user or role is.</p>
                <WhoCanNearMisses nearMisses={result.nearMisses} />
              </div>
            )}
            {result.total > result.pageSize && (
              <div className="border-t border-line px-5 py-3.5">
                <Pagination page={result.page} pageSize={result.pageSize} total={result.total} noun="principals" onPage={goTo} />
              </div>
            )}
          </section>
        )}
      </div>
    </div>
  );
}
