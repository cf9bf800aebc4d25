"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { ApiError } from "@/lib/queries/api";
import { loadAfresh } from "./load-afresh";

/**
 * Pages are checked for a live session when they are loaded (app/layout.tsx), but a session can
 * end while a page is open (8 hours idle, 12 in all, a sign-out elsewhere, an administrator's
 * revoke). The first request the API then refuses for it sends the browser to the sign-in page,
 * which says the session ended and comes back here after; a session told to choose a new password
 * goes to /change-password.
 */
export function SessionGuard() {
  const client = useQueryClient();
  useEffect(() => {
    const follow = (error: unknown) => {
      if (!(error instanceof ApiError)) return;
      const { pathname, search } = window.location;
      const back = encodeURIComponent(pathname + search);
      if (error.code === "MissingAuthenticationToken" && pathname !== "/signin") loadAfresh(`/signin?next=${back}&expired=1`);
      if (error.code === "PasswordResetRequired" && pathname !== "/change-password") loadAfresh(`/change-password?next=${back}`);
    };
    const queries = client.getQueryCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "error") follow(event.action.error);
    });
    const mutations = client.getMutationCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "error") follow(event.action.error);
    });
    return () => {
      queries();
      mutations();
    };
  }, [client]);
  return null;
}
