import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/misc";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-3xl px-8 py-16">
      <EmptyState title="Page not found" action={<ButtonLink href="/" variant="primary">Go to accounts</ButtonLink>}>
        There is nothing at this address. It may have been renamed or deleted.
      </EmptyState>
    </main>
  );
}
