import type { SimulatedPolicy, SimulatedStatement } from "@/lib/schemas/simulation";

/** The statement's lines of its policy text, with a line of context either side. */
export function StatementText({ policy, statement }: { policy: SimulatedPolicy; statement: SimulatedStatement }) {
  const where = policy.statements[statement.statement];
  const lines = policy.text.split("\n");
  const from = Math.max(1, (where?.start.line ?? 1) - 1);
  const to = Math.min(lines.length, (where?.end.line ?? lines.length) + 1);
  return (
    <figure className="mt-2">
      <figcaption className="text-sm text-muted">
        {policy.name}, lines {where?.start.line ?? 1}–{where?.end.line ?? lines.length}
      </figcaption>
      <pre className="mt-1 overflow-x-auto rounded-md border border-line bg-subtle p-3 font-mono text-sm">
        {lines.slice(from - 1, to).map((line, i) => {
          const number = from + i;
          const inside = where !== undefined && number >= where.start.line && number <= where.end.line;
          return (
            <div key={number} className={inside ? "bg-brand-soft" : "text-muted"}>
              <span className="mr-3 inline-block w-8 text-right text-muted select-none">{number}</span>
              {line}
            </div>
          );
        })}
      </pre>
    </figure>
  );
}
