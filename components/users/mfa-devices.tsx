"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/entity/confirm-dialog";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formatDateTime } from "@/components/ui/format";
import { Badge, Card, Skeleton } from "@/components/ui/misc";
import { useToast } from "@/components/ui/toast";
import type { MfaDevice } from "@/lib/queries/types";
import { useDeleteMfaDevice, useMfaDevices } from "@/lib/queries/use-credentials";
import { AssignMfaDialog, EnableCodes } from "./mfa-assign-dialog";

/**
 * Virtual MFA devices: an enabled one makes the user's sign-in ask for a code, and their sessions
 * carry aws:MultiFactorAuthPresent. A device created but never enabled is listed as unfinished:
 * it counts for nothing, and can be finished with two codes or deleted.
 */
export function MfaDevices({ accountId, userName }: { accountId: string; userName: string }) {
  const notify = useToast();
  const devices = useMfaDevices(accountId, userName);
  const remove = useDeleteMfaDevice(accountId, userName);
  const [assigning, setAssigning] = useState(false);
  const [finishing, setFinishing] = useState<MfaDevice | null>(null);
  const [removing, setRemoving] = useState<MfaDevice | null>(null);

  return (
    <Card title={`Multi-factor authentication (MFA)${devices.data ? ` (${devices.data.length})` : ""}`} actions={<Button variant="primary" onClick={() => setAssigning(true)}>Assign MFA device</Button>}>
      {devices.error ? (
        <ErrorAlert error={devices.error} />
      ) : !devices.data ? (
        <Skeleton className="h-16" />
      ) : devices.data.length === 0 ? (
        <p className="text-muted">No MFA device assigned.</p>
      ) : (
        <table className="w-full text-left">
          <caption className="sr-only">MFA devices of {userName}</caption>
          <thead>
            <tr className="text-sm tracking-wide text-muted uppercase">
              <th scope="col" className="py-2 pr-4">Device name</th>
              <th scope="col" className="py-2 pr-4">Identifier (serial number)</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {devices.data.map((device) => (
              <tr key={device.serialNumber} className="border-t border-line">
                <td className="py-2.5 pr-4 font-semibold">{device.name}</td>
                <td className="py-2.5 pr-4 font-mono text-sm break-all">{device.serialNumber}</td>
                <td className="py-2.5 pr-4">
                  {device.enabledAt ? `Assigned ${formatDateTime(device.enabledAt)}` : <Badge tone="warn">Not finished: no codes given</Badge>}
                </td>
                <td className="py-2.5 text-right">
                  <span className="flex justify-end gap-2">
                    {!device.enabledAt && (
                      <Button size="sm" onClick={() => setFinishing(device)} aria-label={`Finish MFA device ${device.name}`}>
                        Finish
                      </Button>
                    )}
                    <Button size="sm" onClick={() => setRemoving(device)} aria-label={`${device.enabledAt ? "Remove" : "Delete"} MFA device ${device.name}`}>
                      {device.enabledAt ? "Remove" : "Delete"}
                    </Button>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {assigning && <AssignMfaDialog accountId={accountId} userName={userName} onClose={() => setAssigning(false)} />}
      {finishing && (
        <Dialog open onClose={() => setFinishing(null)} title={`Finish MFA device ${finishing.name}`} description="If the device's secret is still in your authenticator app, give two consecutive codes to enable it. Otherwise delete it and assign a new one.">
          <EnableCodes accountId={accountId} userName={userName} deviceName={finishing.name} onCancel={() => setFinishing(null)} onDone={() => setFinishing(null)} />
        </Dialog>
      )}
      <ConfirmDialog
        open={removing !== null}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        title={`${removing?.enabledAt ? "Remove" : "Delete"} MFA device ${removing?.name ?? ""}?`}
        confirmLabel={removing?.enabledAt ? "Remove MFA device" : "Delete MFA device"}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.name, {
            onSuccess: () => {
              notify(`MFA device ${removing.name} ${removing.enabledAt ? "removed" : "deleted"}.`);
              setRemoving(null);
            },
          })
        }
      >
        {removing?.enabledAt ? (
          <p>The device is deactivated and deleted. {userName} signs in without a code, and policies that require MFA deny {userName} until a device is assigned again.</p>
        ) : (
          <p>The unfinished device is deleted. It was never enabled, so nothing else changes.</p>
        )}
      </ConfirmDialog>
    </Card>
  );
}
