"use client";

import type { DemoSignIn } from "@/lib/schemas/session";

/**
 * The demo's people, one click each: offered only to a browser on the console's own machine, and
 * only while their documented passwords still work (app/signin/page.tsx decides on the server).
 */
export function DemoChoices({ people, pending, onChoose }: { people: DemoSignIn[]; pending: boolean; onChoose: (person: DemoSignIn) => void }) {
  const byAccount = new Map<string, DemoSignIn[]>();
  for (const person of people) byAccount.set(person.alias, [...(byAccount.get(person.alias) ?? []), person]);
  return (
    <section aria-labelledby="demo-title" className="rounded-xl border border-line bg-surface px-6 py-5 shadow-sm">
      <h2 id="demo-title" className="text-xl font-bold">
        Demo sign-ins
      </h2>
      <p className="mt-1 text-muted">This machine runs the console with its demo data: sign in as one of its people in one click.</p>
      <div className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2">
        {[...byAccount].map(([alias, members]) => (
          <div key={alias}>
            <h3 className="font-semibold">{alias}</h3>
            <ul className="mt-1 flex flex-wrap gap-2">
              {members.map((person) => {
                const name = person.userName ?? "root";
                return (
                  <li key={`${person.kind}:${name}`}>
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => onChoose(person)}
                      aria-label={`Sign in as ${name} @ ${alias}${person.mfa ? " (asks for an MFA code)" : ""}`}
                      className="rounded-md border border-line bg-subtle px-3 py-1 font-semibold hover:border-brand hover:bg-brand-soft disabled:opacity-55"
                    >
                      {name}
                      {person.mfa && <span className="ml-1.5 text-sm font-normal text-muted">MFA</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
