import type { ReactNode } from "react";
import { ApiError } from "@/lib/queries/api";
import { AccessDenied } from "./access-denied";

export type AlertTone = "error" | "warning" | "info" | "success";

const TONES: Record<AlertTone, string> = {
  error: "border-danger bg-danger-soft",
  warning: "border-warn bg-warn-soft",
  info: "border-brand bg-brand-soft",
  success: "border-success bg-success-soft",
};

export function Alert({ tone = "info", title, children }: { tone?: AlertTone; title?: string; children?: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-lg border-l-8 px-4 py-3 ${TONES[tone]}`}>
      {title && <p className="font-bold">{title}</p>}
      {children && <div className={title ? "mt-1" : ""}>{children}</div>}
    </div>
  );
}

const TITLES: Record<string, string> = {
  ValidationError: "Check the input",
  MalformedPolicyDocument: "The policy document is not valid",
  NoSuchEntity: "Not found",
  EntityAlreadyExists: "Already exists",
  DeleteConflict: "Cannot delete yet",
  LimitExceeded: "Limit reached",
  NetworkError: "Connection problem",
};

/** An API error in words, with AWS's code kept visible for people who know it. */
export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : undefined;
  if (apiError?.code === "AccessDenied") return <AccessDenied error={apiError} />;
  const title = apiError ? (TITLES[apiError.code] ?? "Something went wrong") : "Something went wrong";
  const message = error instanceof Error ? error.message : "The request failed.";
  return (
    <Alert tone="error" title={title}>
      <p>{message}</p>
      {apiError && apiError.code !== "InternalError" && apiError.code !== "NetworkError" && (
        <p className="mt-1 text-sm text-muted">AWS error code: {apiError.code}</p>
      )}
    </Alert>
  );
}
