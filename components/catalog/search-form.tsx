import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";

interface SearchFormProps {
  /** Where the form submits (GET): the page itself. */
  action: string;
  /** The query parameter the text goes in. */
  name: string;
  label: string;
  value: string;
  placeholder: string;
  /** Parameters to keep (the account context, filters). */
  keep?: Record<string, string | null>;
}

/** A plain GET search form: the query lives in the URL and the server renders the answer. */
export function SearchForm({ action, name, label, value, placeholder, keep = {} }: SearchFormProps) {
  const id = `search-${name}`;
  return (
    <form action={action} method="get" role="search" className="flex w-full max-w-2xl flex-wrap items-end gap-3">
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className="mb-1.5 block font-semibold">
          {label}
        </label>
        <input id={id} name={name} type="search" defaultValue={value} placeholder={placeholder} autoComplete="off" className={inputClass} />
      </div>
      {Object.entries(keep).map(([key, kept]) => kept && <input key={key} type="hidden" name={key} value={kept} />)}
      <button type="submit" className={buttonClass("primary")}>
        Search
      </button>
    </form>
  );
}
