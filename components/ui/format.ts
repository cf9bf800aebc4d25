const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });
const number = new Intl.NumberFormat("en-US");

export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dateTime.format(new Date(iso)) : "—";

export const formatCount = (n: number): string => number.format(n);

export const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/** Seconds as "1 hour" / "12 hours" / "1 hour 30 minutes". */
export function formatDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds % 3600) / 60);
  const parts = [hours > 0 ? plural(hours, "hour") : "", minutes > 0 ? plural(minutes, "minute") : ""].filter(Boolean);
  return parts.join(" ") || "0 minutes";
}
