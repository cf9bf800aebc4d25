"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False on the server and while React hydrates, true afterwards. A component that shows data
 * another part of the page may already have fetched (React Query's cache is shared) renders its
 * server output until hydrated: React hydrates a Suspense boundary later than the rest of the
 * page, and by then the cache may hold the answer the server did not have, which would make the
 * first client render differ from the HTML (React error #418).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
