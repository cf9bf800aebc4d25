import type { SimulatedNearMiss, SimulatedPolicy, SimulatedStatement } from "@/lib/schemas/simulation";
import { StatementRef } from "./statement-ref";

const MISSED: Record<SimulatedNearMiss["part"]["kind"], string> = {
  resource: "resource does not match",
  notResource: "excluded by NotResource",
  condition: "condition not met",
};

/** "MyBucketReadOnly, statement 1 (ReadMyBucket) allows s3:Get* on …; the request's resource … is an object …". */
export function NearMissList({ nearMisses, policies, onShow, brief = false }: { nearMisses: SimulatedNearMiss[]; policies: SimulatedPolicy[]; onShow?: (statement: SimulatedStatement) => void; brief?: boolean }) {
  if (nearMisses.length === 0) return null;
  return (
    <ul aria-label="Near misses" className="flex flex-col gap-2">
      {nearMisses.map((miss, i) => (
        <li key={i} className={brief ? "" : "rounded-lg border border-warn/40 bg-warn-soft px-4 py-3"}>
          <StatementRef policies={policies} statement={miss.statement} onShow={onShow} />{" "}
          {brief ? <span className="text-muted">— {MISSED[miss.part.kind]}</span> : <span>{miss.text}.</span>}
        </li>
      ))}
    </ul>
  );
}
