import { Fragment } from "react";

/** The text split after each ":" and "/", where an ARN, key or path may wrap. */
export const breakPoints = (text: string): string[] => text.split(/(?<=[:/])/);

/**
 * An ARN (or a condition key, an ARN format, a resource pattern) in monospace that wraps at its
 * own separators: a <wbr> after every ":" and "/". Nothing lets it break inside a segment unless
 * the segment alone is wider than its box (overflow-wrap: break-word), and unlike `break-all` it
 * keeps its table column as wide as its longest segment, so a column is never squeezed to one
 * character per line. Copying the text copies the ARN unchanged.
 */
export function ArnText({ value, className = "" }: { value: string; className?: string }) {
  return (
    <span className={`font-mono wrap-break-word ${className}`}>
      {breakPoints(value).map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
