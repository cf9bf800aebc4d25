import { CopyButton } from "@/components/ui/copy-button";

/** An ARN in monospace with a copy button. */
export function ArnValue({ arn }: { arn: string }) {
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span className="font-mono text-[0.95rem] break-all">{arn}</span>
      <CopyButton value={arn} label="Copy ARN" />
    </span>
  );
}
