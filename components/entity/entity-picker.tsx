"use client";

import { useId, useState, type ReactNode } from "react";
import { SearchBox } from "@/components/list/search-box";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formatCount } from "@/components/ui/format";
import { Skeleton } from "@/components/ui/misc";
import type { EntityKind } from "@/lib/queries/keys";
import { useEntityList } from "@/lib/queries/use-entity-list";

export interface PickerOption {
  value: string;
  label: string;
  detail?: ReactNode;
}

interface EntityPickerProps<T> {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  accountId: string;
  kind: EntityKind;
  /** Plural noun for the search label, e.g. "policies". */
  noun: string;
  toOption: (row: T) => PickerOption;
  /** Values already chosen elsewhere (e.g. attached): shown, not selectable. */
  taken?: Set<string>;
  takenLabel?: string;
  multiple: boolean;
  confirmLabel: string;
  /** Runs the writes; progress is reported through `onProgress`. */
  onConfirm: (values: string[], onProgress: (done: number) => void) => Promise<void>;
  filters?: ReactNode;
  extraParams?: Record<string, string>;
  /** Rows listed first on the first page, e.g. the exact match of the search. */
  pinned?: T[];
  /** Told when the search text changes (to look up `pinned` rows). */
  onSearch?: (text: string) => void;
}

const PICKER_PAGE = 20;

/** A searchable dialog to choose users, groups or policies, fetching one server page at a time. */
export function EntityPicker<T>(props: EntityPickerProps<T>) {
  const { open, onClose, title, description, accountId, kind, noun, toOption, taken, takenLabel = "Already added", multiple, confirmLabel, onConfirm, filters, extraParams, pinned, onSearch } = props;
  const groupName = useId();
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const [chosen, setChosen] = useState<string[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>();
  const list = useEntityList<T>(accountId, kind, { search, sort: "name", order: "asc", page, pageSize: PICKER_PAGE }, extraParams, open);

  const close = () => {
    setChosen([]);
    setSearch("");
    onSearch?.("");
    setPage(1);
    setError(undefined);
    setProgress(null);
    onClose();
  };

  const toggle = (value: string) =>
    setChosen((now) => (multiple ? (now.includes(value) ? now.filter((v) => v !== value) : [...now, value]) : [value]));

  const confirm = async () => {
    setError(undefined);
    setProgress(0);
    try {
      await onConfirm(chosen, setProgress);
      close();
    } catch (problem) {
      setError(problem);
      setProgress(null);
    }
  };

  const total = list.data?.total ?? 0;
  const first = page === 1 ? (pinned ?? []).map(toOption) : [];
  const options = [...first, ...(list.data?.items ?? []).map(toOption).filter((o) => !first.some((f) => f.value === o.value))];
  const lastPage = Math.max(1, Math.ceil(total / PICKER_PAGE));

  return (
    <Dialog
      open={open}
      onClose={close}
      title={title}
      description={description}
      wide
      footer={
        <>
          {progress !== null && multiple && chosen.length > 1 && (
            <p role="status" className="mr-auto self-center text-muted">
              {progress} of {chosen.length} done…
            </p>
          )}
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" disabled={chosen.length === 0} pending={progress !== null} onClick={confirm}>
            {confirmLabel}
            {multiple && chosen.length > 0 ? ` (${chosen.length})` : ""}
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-4">
        <ErrorAlert error={error} />
        <div className="flex flex-wrap items-center gap-3">
          <SearchBox
            label={`Search ${noun}`}
            value={search}
            onSearch={(text) => {
              setSearch(text);
              setPage(1);
              onSearch?.(text);
            }}
          />
          {filters}
        </div>
        {list.error ? (
          <ErrorAlert error={list.error} />
        ) : !list.data ? (
          <div className="flex flex-col gap-2" aria-busy="true">
            {[0, 1, 2, 3, 4].map((i) => (
              <Skeleton key={i} className="h-10" />
            ))}
          </div>
        ) : options.length === 0 ? (
          <p className="py-6 text-center text-muted">No {noun} match{search ? ` “${search}”` : ""}.</p>
        ) : (
          <fieldset>
            <legend className="sr-only">{title}</legend>
            <ul className="divide-y divide-line rounded-lg border border-line">
              {options.map((option) => {
                const isTaken = taken?.has(option.value) ?? false;
                return (
                  <li key={option.value}>
                    <label className={`flex items-center gap-3 px-4 py-2.5 ${isTaken ? "text-muted" : "cursor-pointer hover:bg-subtle"}`}>
                      <input
                        type={multiple ? "checkbox" : "radio"}
                        name={groupName}
                        className="size-5 shrink-0 accent-brand"
                        checked={isTaken || chosen.includes(option.value)}
                        disabled={isTaken}
                        onChange={() => toggle(option.value)}
                      />
                      <span className="min-w-0 flex-1">
                        <span className="font-semibold break-all">{option.label}</span>
                        {/* The space keeps the option's accessible name readable ("Developers 1 users"). */}
                        {option.detail && <> <span className="ml-2">{option.detail}</span></>}
                      </span>
                      {isTaken && <span className="text-sm">{takenLabel}</span>}
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        )}
        {total > PICKER_PAGE && (
          <div className="flex items-center justify-between">
            <p className="text-muted">
              Page {page} of {formatCount(lastPage)} · {formatCount(total)} {noun}
            </p>
            <div className="flex gap-2">
              <Button size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                ‹ Previous page
              </Button>
              <Button size="sm" disabled={page >= lastPage} onClick={() => setPage(page + 1)}>
                Next page ›
              </Button>
            </div>
          </div>
        )}
      </div>
    </Dialog>
  );
}
