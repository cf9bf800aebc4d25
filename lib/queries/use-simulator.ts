"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { SimulateInput, SimulationResult } from "@/lib/schemas/simulation";
import { api } from "./api";

/** The simulator's request as the browser sends it (the server fills the defaults). */
export type SimulationRequest = Partial<SimulateInput> & Pick<SimulateInput, "actions">;

/**
 * A simulation, keyed by the whole request: the page keeps the request in the URL, so a shared
 * link, reload or back button shows the same results. Nothing is written, so a POST is safe to
 * run as a query; it reruns whenever the request changes, never on its own.
 */
export function useSimulation(request: SimulationRequest | null) {
  return useQuery({
    queryKey: ["simulate", request],
    queryFn: () => api<SimulationResult>("/simulate", "POST", request),
    enabled: request !== null,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}
