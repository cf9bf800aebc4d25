import { QueryClient, isServer } from "@tanstack/react-query";
import { ApiError } from "./api";

/** One factory for every React Query client (STYLE.md pattern 6). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data changes only through this console; a short stale time avoids refetch storms
        // when tabs switch, and mutations invalidate what they change.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx answer (NoSuchEntity, ValidationError) will not change on retry.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
}

let browserClient: QueryClient | undefined;

/** A new client per server render; one client for the life of the browser tab. */
export function getQueryClient(): QueryClient {
  if (isServer) return createQueryClient();
  browserClient ??= createQueryClient();
  return browserClient;
}
