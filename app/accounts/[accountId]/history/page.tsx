import type { Metadata } from "next";
import { Suspense } from "react";
import { HistoryTabs } from "@/components/history/history-tabs";
import { PageHeader } from "@/components/ui/misc";

export const metadata: Metadata = { title: "History" };

export default async function HistoryPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="History"
        description="The change log lists every change made in this account and who made it. The audit trail lists every attempt, allowed or denied, every refused read, and every sign-in and switch role, as CloudTrail would."
      />
      <Suspense>
        <HistoryTabs accountId={accountId} />
      </Suspense>
    </div>
  );
}
