"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/entity/confirm-dialog";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PermittedButton } from "@/components/ui/permitted";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { formatDateTime } from "@/components/ui/format";
import { Badge, Card, Skeleton } from "@/components/ui/misc";
import { useToast } from "@/components/ui/toast";
import type { AccessKey, NewAccessKey } from "@/lib/queries/types";
import { useAccessKeys, useCreateAccessKey, useDeleteAccessKey, useUpdateAccessKey } from "@/lib/queries/use-credentials";

const MAX_KEYS = 2;

/** Access keys: at most two per user; the secret is shown once, in the dialog after creation. */
export function AccessKeys({ accountId, userName, userArn }: { accountId: string; userName: string; userArn?: string }) {
  const notify = useToast();
  const keys = useAccessKeys(accountId, userName);
  const create = useCreateAccessKey(accountId, userName);
  const update = useUpdateAccessKey(accountId, userName);
  const remove = useDeleteAccessKey(accountId, userName);
  // Held only in this component's state: never in the query cache, gone when the dialog closes.
  const [created, setCreated] = useState<NewAccessKey | null>(null);
  const [deleting, setDeleting] = useState<AccessKey | null>(null);
  const atLimit = (keys.data?.length ?? 0) >= MAX_KEYS;

  return (
    <Card
      title={`Access keys${keys.data ? ` (${keys.data.length} of ${MAX_KEYS})` : ""}`}
      actions={
        <PermittedButton variant="primary" check={userArn ? { account: accountId, action: "iam:CreateAccessKey", resource: userArn } : null} disabled={!keys.data || atLimit} pending={create.isPending} onClick={() => create.mutate(undefined, { onSuccess: setCreated })}>
          Create access key
        </PermittedButton>
      }
    >
      <div className="flex flex-col gap-4">
        <ErrorAlert error={create.error ?? update.error} />
        {atLimit && <Alert tone="info">A user can have at most two access keys. Delete one to create another — rotate by creating the new key before deleting the old.</Alert>}
        {keys.error ? (
          <ErrorAlert error={keys.error} />
        ) : !keys.data ? (
          <Skeleton className="h-16" />
        ) : keys.data.length === 0 ? (
          <p className="text-muted">No access keys. Access keys sign programmatic requests (CLI, SDKs).</p>
        ) : (
          <table className="w-full text-left">
            <caption className="sr-only">Access keys of {userName}</caption>
            <thead>
              <tr className="text-sm tracking-wide text-muted uppercase">
                <th scope="col" className="py-2 pr-4">Access key ID</th>
                <th scope="col" className="py-2 pr-4">Status</th>
                <th scope="col" className="py-2 pr-4">Created</th>
                <th scope="col" className="py-2 pr-4">Last used</th>
                <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((key) => (
                <tr key={key.accessKeyId} className="border-t border-line">
                  <td className="py-2.5 pr-4 font-mono">{key.accessKeyId}</td>
                  <td className="py-2.5 pr-4">{key.status === "Active" ? <Badge tone="success">Active</Badge> : <Badge>Inactive</Badge>}</td>
                  <td className="py-2.5 pr-4">{formatDateTime(key.createdAt)}</td>
                  <td className="py-2.5 pr-4">
                    <LastUsed accessKey={key} now={keys.dataUpdatedAt} />
                  </td>
                  <td className="py-2.5">
                    <span className="flex justify-end gap-2">
                      <Button
                        size="sm"
                        pending={update.isPending && update.variables?.accessKeyId === key.accessKeyId}
                        onClick={() =>
                          update.mutate(
                            { accessKeyId: key.accessKeyId, status: key.status === "Active" ? "Inactive" : "Active" },
                            { onSuccess: () => notify(`Access key ${key.accessKeyId} is now ${key.status === "Active" ? "inactive" : "active"}.`) },
                          )
                        }
                      >
                        {key.status === "Active" ? "Make inactive" : "Make active"}
                      </Button>
                      <Button size="sm" onClick={() => setDeleting(key)} aria-label={`Delete access key ${key.accessKeyId}`}>
                        Delete
                      </Button>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {created && <SecretDialog accessKey={created} onClose={() => setCreated(null)} />}
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        title={`Delete access key ${deleting?.accessKeyId ?? ""}?`}
        confirmLabel="Delete access key"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.accessKeyId, {
            onSuccess: () => {
              notify(`Access key ${deleting.accessKeyId} deleted.`);
              setDeleting(null);
            },
          })
        }
      >
        <p>Requests signed with this key will fail from now on. Making it inactive first is the safe way to find who still uses it.</p>
      </ConfirmDialog>
    </Card>
  );
}

const relative = new Intl.RelativeTimeFormat("en-US", { numeric: "always" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [["year", 31_536_000], ["month", 2_592_000], ["day", 86_400], ["hour", 3_600], ["minute", 60]];

/** "3 minutes ago", "2 days ago"; "just now" within the minute. */
function timeAgo(iso: string, now: number): string {
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  for (const [unit, size] of UNITS) if (seconds >= size) return relative.format(-Math.floor(seconds / size), unit);
  return "just now";
}

/**
 * GetAccessKeyLastUsed as a line: "Last used 3 minutes ago · iam · us-east-1", counted from when
 * the list was read (`now`), the time exact on hover. A key from before secrets were sealed says
 * it cannot sign.
 */
function LastUsed({ accessKey, now }: { accessKey: AccessKey; now: number }) {
  if (!accessKey.canSign) {
    return <span className="text-danger">Created before keys were encrypted: cannot sign requests. Create a new key.</span>;
  }
  if (!accessKey.lastUsedAt) return <span className="text-muted">Never used</span>;
  const parts = [`Last used ${timeAgo(accessKey.lastUsedAt, now)}`, accessKey.lastUsedService, accessKey.lastUsedRegion].filter(Boolean);
  return <time dateTime={accessKey.lastUsedAt} title={formatDateTime(accessKey.lastUsedAt)}>{parts.join(" · ")}</time>;
}

function SecretDialog({ accessKey, onClose }: { accessKey: NewAccessKey; onClose: () => void }) {
  return (
    <Dialog open onClose={onClose} title="Access key created" wide footer={<Button variant="primary" onClick={onClose}>Done</Button>}>
      <div className="flex flex-col gap-5">
        <Alert tone="warning" title="This is the only time you can see the secret access key">
          Copy it now and store it safely. You will not see it again: if it is lost, delete the key and create a new one.
        </Alert>
        <div>
          <p className="font-semibold">Access key ID</p>
          <p className="flex flex-wrap items-center gap-3">
            <code className="font-mono text-lg">{accessKey.accessKeyId}</code>
            <CopyButton value={accessKey.accessKeyId} label="Copy access key ID" />
          </p>
        </div>
        <div>
          <label htmlFor="new-secret-access-key" className="font-semibold">
            Secret access key
          </label>
          <div className="mt-1 flex flex-wrap items-center gap-3">
            <input id="new-secret-access-key" readOnly value={accessKey.secretAccessKey} className="min-w-0 flex-1 rounded-md border border-line bg-subtle px-3 py-2 font-mono text-lg" onFocus={(e) => e.target.select()} />
            <CopyButton value={accessKey.secretAccessKey} label="Copy secret" />
          </div>
        </div>
      </div>
    </Dialog>
  );
}
