import { Skeleton } from "@/components/ui/misc";

/** The first paint of a list page, before the URL's search state is known. */
export function ListSkeleton() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <Skeleton className="h-11 max-w-md" />
      <Skeleton className="h-96 rounded-xl" />
    </div>
  );
}
