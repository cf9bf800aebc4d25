"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { formatDateTime } from "@/components/ui/format";
import { useHydrated } from "@/components/ui/use-hydrated";
import { errorMessage } from "@/lib/queries/api";
import { useSession, useSignOut } from "@/lib/queries/use-session";
import type { SessionIdentityView } from "@/lib/schemas/session";
import { loadAfresh } from "./load-afresh";

/** "alice @ acme-prod", "root @ acme-prod": who signed in, as the AWS console's account menu names them. */
export const signedInLabel = (identity: SessionIdentityView): string =>
  `${identity.userName ?? "root"} @ ${identity.signedInAccountAlias ?? identity.signedInAccountId}`;

/**
 * The header's identity menu: who is signed in (and whether with MFA), and the session's own
 * actions — change password, sign out, sign out everywhere. Signing out loads the sign-in page
 * afresh, so nothing of the session stays in the browser's memory.
 */
export function IdentityMenu({ passwordDue = false }: { passwordDue?: boolean }) {
  const session = useSession();
  const signOut = useSignOut();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", close);
    document.addEventListener("pointerdown", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("pointerdown", close);
    };
  }, [open]);

  if (!hydrated || !session.data) return null;
  const { identity, expiresAt } = session.data;
  const label = signedInLabel(identity);

  const leave = (everywhere: boolean) =>
    signOut.mutate({ everywhere }, { onSuccess: () => loadAfresh("/signin") });

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex max-w-[16rem] items-center gap-2 rounded-md border border-white/25 bg-white/10 px-3 py-1.5 font-semibold whitespace-nowrap text-topbar-ink hover:bg-white/20"
      >
        <span className="sr-only">Signed in as </span>
        <span className="truncate">{label}</span>
        {identity.mfa && (
          <span className="rounded bg-success-soft px-1.5 text-xs font-bold text-ink" title="Signed in with MFA">
            MFA
          </span>
        )}
        <svg viewBox="0 0 20 20" className="size-4 shrink-0" aria-hidden="true">
          <path d="M5 8l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      {open && (
        <div id={menuId} className="absolute right-0 z-50 mt-2 w-80 rounded-lg border border-line bg-surface p-2 text-ink shadow-lg">
          <div className="border-b border-line px-3 pt-1 pb-3">
            <p className="font-semibold">{label}</p>
            <p className="text-sm break-all text-muted">{identity.signedInArn}</p>
            <p className="mt-1 text-sm text-muted">
              {identity.mfa ? "Signed in with MFA." : "Signed in without MFA."}
              {expiresAt && ` The session ends by ${formatDateTime(expiresAt)} (sooner after 8 hours without use).`}
            </p>
          </div>
          <ul className="pt-2">
            {!passwordDue && (
              <li>
                <Link href="/change-password" onClick={() => setOpen(false)} className="block rounded-md px-3 py-2 hover:bg-subtle">
                  Change password
                </Link>
              </li>
            )}
            <li>
              <button type="button" disabled={signOut.isPending} onClick={() => leave(false)} className="block w-full rounded-md px-3 py-2 text-left hover:bg-subtle">
                Sign out
              </button>
            </li>
            <li>
              <button type="button" disabled={signOut.isPending} onClick={() => leave(true)} className="block w-full rounded-md px-3 py-2 text-left hover:bg-subtle">
                Sign out everywhere
                <span className="block text-sm text-muted">Ends every session of {identity.userName ?? "the root user"}, in every browser.</span>
              </button>
            </li>
          </ul>
          {signOut.error && (
            <p role="alert" className="px-3 pt-2 text-sm text-danger">
              {errorMessage(signOut.error)}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
