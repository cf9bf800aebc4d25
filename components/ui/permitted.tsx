"use client";

import { useId, useState, type ComponentProps, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import { usePermission, type PermissionCheck } from "@/lib/queries/use-permission";
import { Button, ButtonLink, buttonClass, type ButtonSize, type ButtonVariant } from "./button";

/**
 * Write buttons that ask first (lib/queries/use-permission.ts): when the caller may not make the
 * request, the button stays in the page but is disabled — aria-disabled, so it keeps focus and
 * can say why — and hovering or focusing it shows AWS's reason, which is also its accessible
 * description. Escape hides the reason (WCAG 1.4.13). While the answer is on its way, or when it
 * cannot be had, the button works as usual: the server decides every write anyway.
 */

const DENIED = "cursor-not-allowed opacity-55";

function DeniedReason({ denied, children }: { denied: string; children: (describedBy: string) => ReactNode }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      event.stopPropagation();
      setOpen(false);
    }
  };
  return (
    <span
      className="relative inline-flex"
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
      onKeyDown={onKeyDown}
    >
      {children(id)}
      {/* Always in the page, so aria-describedby names it; shown on hover or focus. The padding, not a margin, bridges to it for the pointer. */}
      <span id={id} role="tooltip" hidden={!open} className="absolute top-full right-0 z-40 pt-1.5">
        <span className="block w-max max-w-sm rounded-md bg-ink px-3 py-2 text-left text-sm font-normal whitespace-normal text-surface shadow-lg wrap-anywhere">{denied}</span>
      </span>
    </span>
  );
}

const refuse = (event: MouseEvent) => event.preventDefault();

type ButtonProps = ComponentProps<typeof Button>;

/** A Button for a write: disabled with AWS's reason when the caller may not make `check`. */
export function PermittedButton({ check, ...props }: ButtonProps & { check: PermissionCheck | null }) {
  const { denied } = usePermission(check);
  if (!denied) return <Button {...props} />;
  // Later props win: it submits nothing and its click does nothing.
  return (
    <DeniedReason denied={denied}>
      {(describedBy) => <Button {...props} type="button" aria-disabled="true" aria-describedby={describedBy} className={`${DENIED} ${props.className ?? ""}`} onClick={refuse} />}
    </DeniedReason>
  );
}

/** A ButtonLink to a create page: a disabled link with AWS's reason when the caller may not make `check`. */
export function PermittedLink({
  check,
  variant,
  size,
  className = "",
  children,
  ...props
}: ComponentProps<typeof ButtonLink> & { check: PermissionCheck | null; variant?: ButtonVariant; size?: ButtonSize }) {
  const { denied } = usePermission(check);
  if (!denied) return <ButtonLink variant={variant} size={size} className={className} {...props}>{children}</ButtonLink>;
  return (
    <DeniedReason denied={denied}>
      {(describedBy) => (
        // A link without href goes nowhere; role and tabIndex keep it a focusable link that says why.
        <a role="link" tabIndex={0} aria-disabled="true" aria-describedby={describedBy} className={`${buttonClass(variant, size)} ${DENIED} ${className}`}>
          {children}
        </a>
      )}
    </DeniedReason>
  );
}
