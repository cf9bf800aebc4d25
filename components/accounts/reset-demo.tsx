"use client";

import { useState } from "react";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formatDateTime } from "@/components/ui/format";
import { useToast } from "@/components/ui/toast";
import type { Account } from "@/lib/queries/types";
import { useResetDemo, type ResetDemoReport } from "@/lib/queries/use-reset-demo";
import { DEMO_ACCOUNTS, DEMO_ACCOUNT_IDS } from "@/prisma/seed/demo-accounts";

const joinNames = (names: string[]) => (names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`);

/** Aliases hold hyphens: keep each on one line. */
const Names = ({ names }: { names: string[] }) =>
  names.map((name, i) => (
    <span key={name}>
      {i > 0 && (i === names.length - 1 ? " and " : ", ")}
      <span className="whitespace-nowrap">{name}</span>
    </span>
  ));

/**
 * The demo reset, as the last card of the accounts overview (a list item): a button, a dialog
 * saying what is reset and what is not, progress while the server rewrites the demo accounts, and
 * what it did once done. The whole console's queries are refreshed afterwards (useResetDemo).
 */
export function ResetDemoItem({ accounts }: { accounts: Account[] }) {
  const reset = useResetDemo();
  const notify = useToast();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<{ at: string; report: ResetDemoReport } | null>(null);
  const others = accounts.filter((account) => !DEMO_ACCOUNT_IDS.includes(account.accountId)).map((account) => account.alias);
  const demoNames = DEMO_ACCOUNTS.map((account) => account.alias);

  const close = () => {
    if (reset.isPending) return;
    reset.reset();
    setOpen(false);
  };
  const confirm = () =>
    reset.mutate(undefined, {
      onSuccess: (report) => {
        setDone({ at: new Date().toISOString(), report });
        setOpen(false);
        notify(`Demo data reset: ${joinNames(report.accounts.map((a) => a.alias))} are back as the seed wrote them.`);
      },
    });

  return (
    <li>
      <section aria-labelledby="reset-demo-heading" className="flex h-full flex-col gap-3 rounded-xl border-2 border-dashed border-line bg-surface px-5 py-4">
        <h2 id="reset-demo-heading" className="text-xl font-bold">
          Demo data
        </h2>
        <p className="text-muted">
          Tried things out in <Names names={demoNames} />? Put them back as the seed wrote them, without a restart. Other accounts stay as they are.
        </p>
        {done && (
          <Alert tone="success" title="Demo data reset">
            <Names names={done.report.accounts.map((a) => a.alias)} /> restored at {formatDateTime(done.at)}.
          </Alert>
        )}
        <div className="mt-auto">
          <Button
            variant="danger"
            onClick={() => {
              setDone(null);
              setOpen(true);
            }}
          >
            Reset demo data…
          </Button>
        </div>
      </section>
      <Dialog
        open={open}
        onClose={close}
        title="Reset the demo data?"
        footer={
          <>
            <Button onClick={close} disabled={reset.isPending}>
              Cancel
            </Button>
            <Button variant="danger" pending={reset.isPending} onClick={confirm}>
              Reset demo data
            </Button>
          </>
        }
      >
        <div className="flex flex-col gap-4">
          <div>
            <h3 className="font-bold">Reset to what a fresh seed writes</h3>
            <ul className="mt-1 list-disc pl-6">
              {DEMO_ACCOUNTS.map((account) => (
                <li key={account.accountId}>
                  {account.alias} <span className="font-mono text-sm text-muted">{account.accountId}</span>
                </li>
              ))}
            </ul>
            <p className="mt-2">
              Their users, groups, roles, customer managed policies and versions, attachments, inline policies, permissions boundaries, tags, console
              passwords, access keys and MFA devices. Whatever was changed or added in them is lost, and their history starts again. A demo account that
              was deleted comes back.
            </p>
          </div>
          <div>
            <h3 className="font-bold">Not touched</h3>
            <p className="mt-1">
              {others.length > 0 ? `The other accounts (${joinNames(others)})` : "Any other account"} and the AWS managed policies.
            </p>
          </div>
          {reset.isPending && (
            <Alert tone="info" title="Resetting…">
              The demo accounts are being written again in one step; this takes a few seconds.
            </Alert>
          )}
          <ErrorAlert error={reset.error} />
          {reset.error && <p>Nothing was changed: the reset is all or nothing.</p>}
        </div>
      </Dialog>
    </li>
  );
}
