/** The symbolic access analysis behind the effective-permissions panel. */
export { analyzeAccess } from "./analyze";
export { decideFromAnalysis, type ConcreteDecision } from "./decide";
export { describeCounts } from "./summary";
export * from "./types";
