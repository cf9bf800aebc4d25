import { ArnText } from "@/components/ui/arn-text";
import { CopyButton } from "@/components/ui/copy-button";

/** An ARN in monospace, wrapping after ":" and "/", with a copy button. */
export function ArnValue({ arn }: { arn: string }) {
  return (
    <span className="flex flex-wrap items-center gap-2">
      <ArnText value={arn} className="min-w-0 text-[0.95rem]" />
      <CopyButton value={arn} label="Copy ARN" />
    </span>
  );
}
