"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, type ApiError } from "./api";

/** What POST /api/v1/demo/reset answers (lib/data/reset-demo.ts). */
export interface ResetDemoReport {
  accounts: { accountId: string; alias: string; users: number; groups: number; roles: number; policies: number }[];
  milliseconds: number;
}

/**
 * Restores the demo accounts. Every query is invalidated afterwards, not one account's: the reset
 * rewrites the four demo accounts at once, and who-can and the catalog's policy lists span them all.
 */
export function useResetDemo() {
  const client = useQueryClient();
  return useMutation<ResetDemoReport, ApiError, void>({
    mutationFn: () => api<ResetDemoReport>("/demo/reset", "POST"),
    onSuccess: () => client.invalidateQueries(),
  });
}
