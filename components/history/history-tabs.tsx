"use client";

import { Tabs } from "@/components/ui/tabs";
import { AuditTrail } from "./audit-trail";
import { ChangeHistory } from "./change-history";

const TABS = [
  { id: "changes", label: "Changes" },
  { id: "audit", label: "Audit trail" },
] as const;

/** The account's two records, kept apart: the change log (what changed) and the audit trail (who tried what). */
export function HistoryTabs({ accountId }: { accountId: string }) {
  return <Tabs tabs={TABS} label="History">{(tab) => (tab === "changes" ? <ChangeHistory accountId={accountId} /> : <AuditTrail accountId={accountId} />)}</Tabs>;
}
