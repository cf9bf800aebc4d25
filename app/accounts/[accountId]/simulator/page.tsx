import { Suspense } from "react";
import { Simulator } from "@/components/simulator/simulator";

export default async function SimulatorPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return (
    <Suspense>
      <Simulator accountId={accountId} />
    </Suspense>
  );
}
