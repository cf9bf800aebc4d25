/** The color of a switched role, as a small dot beside its name (decorative: the name says which role). */
export function RoleSwatch({ hex, className = "size-4" }: { hex: string | null; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-block shrink-0 rounded-full border ${hex ? "border-black/25" : "border-dashed border-current opacity-60"} ${className}`}
      style={hex ? { backgroundColor: hex } : undefined}
    />
  );
}
