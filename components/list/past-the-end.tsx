import { EmptyState } from "@/components/ui/misc";

/** A paged list asked for a page past its last one: say so, and offer the first page. */
export function PastTheEnd({ onFirst }: { onFirst: () => void }) {
  return (
    <EmptyState title="No more on this page">
      <button type="button" className="text-brand underline underline-offset-4" onClick={onFirst}>
        Go to the first page
      </button>
    </EmptyState>
  );
}
