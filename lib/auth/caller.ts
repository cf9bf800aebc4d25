import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Identity, RequestFacts } from "@/lib/auth/identity";

/**
 * The caller of the request being served, for code far from the route (the change log in
 * lib/data/write.ts names who made each change). Set by the API's door (lib/api/route.ts) for
 * the handler's run; absent for the seed and the operator's commands.
 */
export interface Caller {
  identity: Identity;
  facts: RequestFacts;
}

const current = new AsyncLocalStorage<Caller>();

export const runAsCaller = <T>(caller: Caller, run: () => Promise<T>): Promise<T> => current.run(caller, run);

export const currentCaller = (): Caller | undefined => current.getStore();
