"use client";

import { useRouter } from "next/navigation";
import { paths } from "@/components/shell/paths";
import type { SwitchRoleInput } from "@/lib/schemas/switch-role";
import { useSwitchBack, useSwitchRole } from "@/lib/queries/use-role-session";

/** Where to go once the session acts in `accountId`: its home page unless told otherwise. */
type Destination = (accountId: string) => string;

/**
 * Switching role from anywhere (the form, the role history, the account menu): on success the
 * console opens the role's account, as the AWS console opens its home page in the role.
 */
export function useSwitchTo(destination: Destination = paths.account) {
  const router = useRouter();
  const switchRole = useSwitchRole();
  return {
    ...switchRole,
    switchTo: (input: SwitchRoleInput, onDone?: () => void) =>
      switchRole.mutate(input, {
        onSuccess: (state) => {
          onDone?.();
          router.push(destination(state.role?.accountId ?? state.signedIn.accountId));
          router.refresh();
        },
      }),
  };
}

/** Back to the signed-in user ("Switch back"), in their own account. */
export function useBackToSignedIn(destination: Destination = paths.account) {
  const router = useRouter();
  const back = useSwitchBack();
  return {
    ...back,
    goBack: (onDone?: () => void) =>
      back.mutate(undefined, {
        onSuccess: (state) => {
          onDone?.();
          router.push(destination(state.signedIn.accountId));
          router.refresh();
        },
      }),
  };
}
