"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Timers fire at most this far ahead (setTimeout's limit is about 24.8 days; a role lasts an hour). */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * When the role session's hour is over the server acts as the signed-in user again by itself;
 * this reads everything again at that moment, so the page (and the header's notice) say so.
 */
export function RoleEndTimer({ expiresAt }: { expiresAt: string }) {
  const client = useQueryClient();
  const router = useRouter();
  useEffect(() => {
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, Date.parse(expiresAt) - Date.now() + 500));
    const timer = window.setTimeout(() => {
      void client.invalidateQueries();
      router.refresh();
    }, delay);
    return () => window.clearTimeout(timer);
  }, [expiresAt, client, router]);
  return null;
}
