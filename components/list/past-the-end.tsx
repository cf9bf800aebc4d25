import Link from "next/link";
import { formatCount } from "@/components/ui/format";
import { EmptyState } from "@/components/ui/misc";

const linkClass = "text-brand underline underline-offset-4";

interface WhereTheListEnds {
  /** The page asked for, past the last one. */
  page: number;
  lastPage: number;
  /** Plural, lower case: "users". */
  noun: string;
}

type PastTheEndProps =
  /** A list whose page is in the URL: a link to its last page. */
  | (WhereTheListEnds & { lastPageHref: string })
  /** A list whose page is held in state: a button to its last page. */
  | (WhereTheListEnds & { onPage: (page: number) => void })
  /** Only a way back to the first page is known. */
  | { onFirst: () => void };

/** A paged list asked for a page past its last one: say so, and offer the last page. */
export function PastTheEnd(props: PastTheEndProps) {
  if ("onFirst" in props) {
    return (
      <EmptyState title="No more on this page">
        <button type="button" className={linkClass} onClick={props.onFirst}>
          Go to the first page
        </button>
      </EmptyState>
    );
  }
  const { page, lastPage, noun } = props;
  const label = `Go to the last page (page ${formatCount(lastPage)})`;
  return (
    <EmptyState title={`Page ${formatCount(page)} is past the end`}>
      <p>
        The {noun} end on page {formatCount(lastPage)}.
      </p>
      <p className="mt-2">
        {"lastPageHref" in props ? (
          <Link href={props.lastPageHref} className={linkClass}>
            {label}
          </Link>
        ) : (
          <button type="button" className={linkClass} onClick={() => props.onPage(lastPage)}>
            {label}
          </button>
        )}
      </p>
    </EmptyState>
  );
}
