import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { keys } from "@/lib/queries/keys";
import { retireQueries } from "@/lib/queries/retire-queries";

// After a delete, the deleted entity's queries must not be fetched again (each fetch is a 404).

const user = keys.entity("123456789012", "users", "ann");
const groups = keys.sub("123456789012", "users", "ann", "groups");
const other = keys.entity("123456789012", "users", "bob");

function counting() {
  const calls: string[] = [];
  const fn = (name: string) => async () => {
    calls.push(name);
    return name;
  };
  return { calls, fn };
}

describe("retireQueries", () => {
  it("drops the unobserved queries under the prefix at once and leaves the others", async () => {
    const client = new QueryClient();
    client.setQueryData(user, "ann");
    client.setQueryData(groups, ["Admins"]);
    client.setQueryData(other, "bob");
    await retireQueries(client, [user]);
    expect(client.getQueryCache().find({ queryKey: user, exact: true })).toBeUndefined();
    expect(client.getQueryCache().find({ queryKey: groups, exact: true })).toBeUndefined();
    expect(client.getQueryData(other)).toBe("bob");
  });

  it("keeps a shown query's data without refetching, and drops it when its observer leaves", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } });
    const { calls, fn } = counting();
    const observer = new QueryObserver(client, { queryKey: groups, queryFn: fn("groups") });
    const unsubscribe = observer.subscribe(() => undefined);
    await observer.refetch();
    expect(calls).toEqual(["groups"]);

    await retireQueries(client, [user]);
    // The page re-renders while it is still on screen: the same query, no new fetch.
    observer.setOptions({ queryKey: groups, queryFn: fn("groups") });
    await Promise.resolve();
    expect(calls).toEqual(["groups"]);
    expect(client.getQueryData(groups)).toBe("groups");

    unsubscribe();
    expect(client.getQueryCache().find({ queryKey: groups, exact: true })).toBeUndefined();
  });

  it("cancels a fetch in flight", async () => {
    const client = new QueryClient();
    let aborted = false;
    const pending = client
      .fetchQuery({
        queryKey: groups,
        queryFn: ({ signal }) =>
          new Promise<string>((resolve) => {
            signal.addEventListener("abort", () => (aborted = true));
            setTimeout(() => resolve("late"), 50);
          }),
      })
      .catch(() => "cancelled");
    await retireQueries(client, [user]);
    expect(aborted).toBe(true);
    expect(await pending).toBe("cancelled");
    expect(client.getQueryCache().find({ queryKey: groups, exact: true })).toBeUndefined();
  });

  it("does nothing without prefixes", async () => {
    const client = new QueryClient();
    client.setQueryData(user, "ann");
    await retireQueries(client, []);
    expect(client.getQueryData(user)).toBe("ann");
  });
});
