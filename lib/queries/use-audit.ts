"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { AuditOutcome, AuditPage } from "@/lib/schemas/audit";
import { api, qs, seg } from "./api";

/** The audit trail's filters as the History page holds them (in its URL). */
export interface AuditRequest {
  principal: string;
  outcome: AuditOutcome;
  eventName: string;
  page: number;
  pageSize: number;
}

const filterQuery = ({ principal, outcome, eventName }: Pick<AuditRequest, "principal" | "outcome" | "eventName">) => ({
  principal,
  outcome: outcome === "all" ? undefined : outcome,
  eventName,
});

/** One page of the account's audit trail, newest first. */
export function useAuditTrail(accountId: string, request: AuditRequest) {
  return useQuery({
    queryKey: ["account", accountId, "audit", request] as const,
    queryFn: () => api<AuditPage>(`/accounts/${seg(accountId)}/audit${qs({ ...filterQuery(request), page: request.page, pageSize: request.pageSize })}`),
    placeholderData: keepPreviousData,
  });
}

/** The export's URL for the same filters: a plain link downloads CloudTrail's JSON. */
export const auditExportHref = (accountId: string, request: Pick<AuditRequest, "principal" | "outcome" | "eventName">): string =>
  `/api/v1/accounts/${seg(accountId)}/audit/export${qs(filterQuery(request))}`;
