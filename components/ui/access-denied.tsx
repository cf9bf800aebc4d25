import Link from "next/link";
import { deniedSimulation } from "@/components/simulator/simulation-url";
import { paths } from "@/components/shell/paths";
import { ApiError } from "@/lib/queries/api";

/** Whether an error is the API's AccessDenied (a refused request, not a failed sign-in's other codes). */
export function isAccessDenied(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === "AccessDenied";
}

/** The simulator's URL that replays the refused request, when the server said which request it was. */
export function whyHref(error: ApiError): string | null {
  const replay = error.denied ? deniedSimulation(error.denied) : null;
  return replay ? `${paths.simulator(replay.accountId)}?${replay.params.toString()}` : null;
}

/**
 * What a section shows where its data would be when the caller may not read it, or above a form
 * whose write was refused: AWS's own words ("User: … is not authorized to perform: … because no
 * identity-based policy allows …") and a "Why?" link that opens the policy simulator with exactly
 * that request (principal, action, resource, account and context), where the same decision shows
 * its gates, statements and near misses.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
export function AccessDenied({ error }: { error: ApiError }) {
  const href = whyHref(error);
  return (
    <div role="alert" className="rounded-lg border-l-8 border-danger bg-danger-soft px-4 py-3">
      <p className="font-bold">Access denied</p>
      <p className="mt-1 wrap-anywhere">{error.message}</p>
      <p className="mt-1 flex flex-wrap items-baseline gap-x-3 text-sm text-muted">
        <span>AWS error code: AccessDenied</span>
        {href && (
          <span>
            <Link href={href} className="text-base font-semibold text-brand underline underline-offset-4">
              Why?
            </Link>{" "}
            See this request step by step in the policy simulator.
          </span>
        )}
      </p>
    </div>
  );
}
