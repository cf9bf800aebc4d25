"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { ChangePasswordBody, SessionView, SignInBody } from "@/lib/schemas/session";
import { api, type ApiError } from "./api";

/** Who the console session is (GET /api/v1/session); a switch of role refreshes it (use-role-session.ts). */
export const SESSION_KEY = ["session", "me"] as const;

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: () => api<SessionView>("/session"),
    // No session is an answer, not a hiccup: asking again would not change it.
    retry: false,
    staleTime: 60_000,
  });
}

/** Signs in; the page then loads afresh as the new principal (every cached answer was someone else's). */
export function useSignIn() {
  return useMutation<SessionView, ApiError, SignInBody>({ mutationFn: (body) => api<SessionView>("/session", "POST", body) });
}

/** Signs out of this session, or of every session of the signed-in principal. */
export function useSignOut() {
  return useMutation<void, ApiError, { everywhere: boolean }>({
    mutationFn: ({ everywhere }) => api<void>(`/session${everywhere ? "?everywhere=true" : ""}`, "DELETE"),
  });
}

export function useChangePassword() {
  return useMutation<SessionView, ApiError, ChangePasswordBody>({ mutationFn: (body) => api<SessionView>("/session/password", "POST", body) });
}
