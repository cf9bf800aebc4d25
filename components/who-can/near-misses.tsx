import Link from "next/link";
import { paths } from "@/components/shell/paths";
import type { WhoCanNearMiss } from "@/lib/schemas/who-can";
import { PathStatementRef } from "./access-path";

/** Who can's empty state: the statements that matched the action but not the resource or conditions. */
export function WhoCanNearMisses({ nearMisses }: { nearMisses: WhoCanNearMiss[] }) {
  if (nearMisses.length === 0) return <p className="mt-3 text-muted">No Allow statement of any principal even matches the action.</p>;
  return (
    <div className="mt-4">
      <h3 className="font-bold">Near misses</h3>
      <p className="text-muted">These Allow statements match the action but not the rest of the request.</p>
      <ul aria-label="Near misses" className="mt-2 flex flex-col gap-2">
        {nearMisses.map((miss, i) => {
          const href = miss.principal.kind === "user" ? paths.user(miss.principal.accountId, miss.principal.name) : paths.role(miss.principal.accountId, miss.principal.name);
          return (
            <li key={i} className="rounded-lg border border-warn/40 bg-warn-soft px-4 py-3">
              <Link href={href} className="font-bold text-brand underline-offset-4 hover:underline">
                {miss.principal.name}
              </Link>{" "}
              <span className="text-muted">({miss.principal.kind}{miss.viaGroup ? `, via group ${miss.viaGroup}` : ""}):</span>{" "}
              <PathStatementRef statement={{ policy: miss.policy, statement: miss.statement, sid: miss.sid, effect: "Allow" }} accountId={miss.principal.accountId} /> <span>{miss.text}.</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
