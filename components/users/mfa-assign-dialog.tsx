"use client";

import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { useToast } from "@/components/ui/toast";
import { useFieldRule } from "@/components/ui/use-field-rule";
import type { NewVirtualMfaDevice } from "@/lib/queries/types";
import { useCreateMfaDevice, useDeleteMfaDevice, useEnableMfaDevice } from "@/lib/queries/use-credentials";
import { enableMfaDeviceBody, mfaDeviceBody } from "@/lib/schemas/credentials";

/**
 * Assigning a virtual MFA device, as the AWS console does: name it (CreateVirtualMFADevice), scan
 * the QR code or type the secret key into an authenticator app, then give two consecutive codes
 * (EnableMFADevice). The secret is shown here once and never again. Cancelling after the device
 * was created deletes it; if that fails, it stays listed as unfinished and can be deleted there.
 */
export function AssignMfaDialog({ accountId, userName, onClose }: { accountId: string; userName: string; onClose: () => void }) {
  const create = useCreateMfaDevice(accountId, userName);
  const remove = useDeleteMfaDevice(accountId, userName);
  const [name, setName] = useState(`${userName}-phone`);
  const nameRule = useFieldRule(mfaDeviceBody.shape.deviceName, name);
  const device = create.data;

  const cancel = () => {
    if (device) remove.mutate(device.name);
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (nameRule.check()) create.mutate(name.trim());
  };

  return (
    <Dialog open onClose={cancel} title={`Assign an MFA device to ${userName}`} description="A virtual MFA device: an authenticator app on a phone or computer." wide={device !== undefined}>
      {device ? (
        <SetUpDevice accountId={accountId} userName={userName} device={device} onCancel={cancel} onDone={() => { create.reset(); onClose(); }} />
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
          <ErrorAlert error={formError(create.error, ["deviceName"])} />
          <TextField
            label="Device name"
            hint="Unique in the account. Letters, digits and + = , . @ _ -"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={nameRule.error ?? fieldError(create.error, "deviceName")}
            required
          />
          <div className="flex justify-end gap-3">
            <Button onClick={cancel}>Cancel</Button>
            <Button type="submit" variant="primary" pending={create.isPending}>
              Next
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** The QR code is our own SVG (lib/auth/totp.ts), shown as an image: never inserted as markup. */
const svgDataUri = (svg: string) => `data:image/svg+xml;base64,${btoa(svg)}`;

function SetUpDevice({ accountId, userName, device, onCancel, onDone }: { accountId: string; userName: string; device: NewVirtualMfaDevice; onCancel: () => void; onDone: () => void }) {
  const [showSecret, setShowSecret] = useState(false);
  return (
    <div className="grid gap-6 sm:grid-cols-[11rem_minmax(0,1fr)]">
      <div className="flex flex-col gap-2">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URI of our own SVG; next/image adds nothing here */}
        <img src={svgDataUri(device.qrCodeSvg)} alt={`QR code of MFA device ${device.name}'s secret, for an authenticator app`} width={176} height={176} className="rounded-md border border-line bg-white" />
        <Button size="sm" className="self-start" aria-expanded={showSecret} aria-controls="mfa-secret-key" onClick={() => setShowSecret((value) => !value)}>
          {showSecret ? "Hide secret key" : "Show secret key"}
        </Button>
        <div id="mfa-secret-key" hidden={!showSecret} className="flex flex-col gap-1">
          <p className="text-sm text-muted">Secret key (base32)</p>
          <p className="font-mono break-all" data-testid="mfa-secret">
            {device.base32StringSeed}
          </p>
          <CopyButton value={device.base32StringSeed} label="Copy secret key" />
        </div>
      </div>
      <ol className="flex list-decimal flex-col gap-3 pl-6">
        <li>Install an authenticator app (any app for TOTP codes) on a phone or computer.</li>
        <li>Add an account in the app: scan the QR code, or type the secret key. It is shown only now, never again once the device is enabled.</li>
        <li>
          Type two consecutive codes from the app: the first, then the next one once it changes.
          <EnableCodes accountId={accountId} userName={userName} deviceName={device.name} onCancel={onCancel} onDone={onDone} />
        </li>
      </ol>
    </div>
  );
}

/** EnableMFADevice's two codes; used after assigning and to finish an unfinished device. */
export function EnableCodes({ accountId, userName, deviceName, onCancel, onDone }: { accountId: string; userName: string; deviceName: string; onCancel: () => void; onDone: () => void }) {
  const notify = useToast();
  const enable = useEnableMfaDevice(accountId, userName);
  const [code1, setCode1] = useState("");
  const [code2, setCode2] = useState("");
  const rule1 = useFieldRule(enableMfaDeviceBody.shape.authenticationCode1, code1);
  const rule2 = useFieldRule(enableMfaDeviceBody.shape.authenticationCode2, code2);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (![rule1.check(), rule2.check()].every(Boolean)) return;
    enable.mutate(
      { deviceName, authenticationCode1: code1.trim(), authenticationCode2: code2.trim() },
      {
        onSuccess: () => {
          notify(`MFA device ${deviceName} enabled for ${userName}.`);
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} className="mt-3 flex flex-col gap-4" noValidate>
      <ErrorAlert error={formError(enable.error, ["authenticationCode1", "authenticationCode2"])} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="MFA code 1" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code1} onChange={(e) => setCode1(e.target.value)} error={rule1.error ?? fieldError(enable.error, "authenticationCode1")} required />
        <TextField label="MFA code 2" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code2} onChange={(e) => setCode2(e.target.value)} error={rule2.error ?? fieldError(enable.error, "authenticationCode2")} required />
      </div>
      <div className="flex justify-end gap-3">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" pending={enable.isPending}>
          Add MFA
        </Button>
      </div>
    </form>
  );
}
