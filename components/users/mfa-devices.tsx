"use client";

import { useState, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/entity/confirm-dialog";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { formatDateTime } from "@/components/ui/format";
import { Card, Skeleton } from "@/components/ui/misc";
import { useToast } from "@/components/ui/toast";
import { useFieldRule } from "@/components/ui/use-field-rule";
import type { MfaDevice } from "@/lib/queries/types";
import { useCreateMfaDevice, useDeleteMfaDevice, useMfaDevices } from "@/lib/queries/use-credentials";
import { mfaDeviceBody } from "@/lib/schemas/credentials";

/** Virtual MFA devices: assigning one makes aws:MultiFactorAuthPresent true for the user's sessions. */
export function MfaDevices({ accountId, userName }: { accountId: string; userName: string }) {
  const notify = useToast();
  const devices = useMfaDevices(accountId, userName);
  const remove = useDeleteMfaDevice(accountId, userName);
  const [assigning, setAssigning] = useState(false);
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
              <th scope="col" className="py-2 pr-4">Assigned</th>
              <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {devices.data.map((device) => (
              <tr key={device.serialNumber} className="border-t border-line">
                <td className="py-2.5 pr-4 font-semibold">{device.name}</td>
                <td className="py-2.5 pr-4 font-mono text-sm break-all">{device.serialNumber}</td>
                <td className="py-2.5 pr-4">{formatDateTime(device.enabledAt)}</td>
                <td className="py-2.5 text-right">
                  <Button size="sm" onClick={() => setRemoving(device)} aria-label={`Remove MFA device ${device.name}`}>
                    Remove
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {assigning && <AssignDialog accountId={accountId} userName={userName} onClose={() => setAssigning(false)} />}
      <ConfirmDialog
        open={removing !== null}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        title={`Remove MFA device ${removing?.name ?? ""}?`}
        confirmLabel="Remove MFA device"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.name, {
            onSuccess: () => {
              notify(`MFA device ${removing.name} removed.`);
              setRemoving(null);
            },
          })
        }
      >
        <p>The device is deactivated and deleted. Policies that require MFA will deny {userName} until a device is assigned again.</p>
      </ConfirmDialog>
    </Card>
  );
}

function AssignDialog({ accountId, userName, onClose }: { accountId: string; userName: string; onClose: () => void }) {
  const notify = useToast();
  const create = useCreateMfaDevice(accountId, userName);
  const [name, setName] = useState(`${userName}-phone`);
  // AWS's name rule, checked as typed with the schema the API validates with.
  const nameRule = useFieldRule(mfaDeviceBody.shape.deviceName, name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name.trim(), {
      onSuccess: () => {
        notify(`MFA device ${name.trim()} assigned to ${userName}.`);
        onClose();
      },
    });
  };

  return (
    <Dialog open onClose={onClose} title={`Assign an MFA device to ${userName}`} description="A virtual MFA device, as an authenticator app would provide.">
      <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
        <ErrorAlert error={formError(create.error, ["deviceName"])} />
        <TextField label="Device name" hint="Unique in the account. Letters, digits and + = , . @ _ -" value={name} onChange={(e) => setName(e.target.value)} error={nameRule.error ?? fieldError(create.error, "deviceName")} required />
        <div className="flex justify-end gap-3">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" pending={create.isPending}>
            Assign MFA device
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
