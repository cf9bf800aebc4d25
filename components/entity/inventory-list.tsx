import { Skeleton } from "@/components/ui/misc";

export interface InventoryItem {
  label: string;
  /** Names of what goes; undefined while loading. */
  names: string[] | undefined;
}

/** "Group memberships: Admins, Developers" — the list a forced delete works through. */
export function InventoryList({ items }: { items: InventoryItem[] }) {
  if (items.some((item) => item.names === undefined)) return <Skeleton className="h-20" />;
  const present = items.filter((item) => (item.names ?? []).length > 0);
  if (present.length === 0) return <p className="text-muted">Nothing is attached any more.</p>;
  return (
    <ul className="flex list-disc flex-col gap-1 pl-6" aria-label="What will be removed">
      {present.map((item) => (
        <li key={item.label}>
          <span className="font-semibold">{item.label}:</span> {(item.names ?? []).join(", ")}
        </li>
      ))}
    </ul>
  );
}
