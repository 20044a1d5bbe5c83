/** Counts per status that double as a filter: pressing one shows only that status, pressing it again shows all. */
export function CountChips({ label, counts, active, onToggle }: { label: string; counts: readonly { key: string; label: string; value: number }[]; active: string | undefined; onToggle(key: string | undefined): void }) {
  return (
    <div className="request-counts" role="group" aria-label={label}>
      {counts.map((c) => (
        <button key={c.key} type="button" className={`count-chip count-${c.key} ${active === c.key ? 'active' : ''}`} aria-pressed={active === c.key} onClick={() => onToggle(active === c.key ? undefined : c.key)}>
          {c.label} <strong>{c.value}</strong>
        </button>
      ))}
    </div>
  );
}
