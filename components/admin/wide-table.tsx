/**
 * A table wider than a phone scrolls sideways in its own box (not the whole
 * page). Focusable and named, so keyboard users can scroll it too.
 */
export function WideTable({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="admin-table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
