import { yearChoices } from '../lib/years.ts';

/** The year chooser in the head of the yearly views: self-inspection, annual figures, consolidation. */
export function YearPicker({ label, year, onChange }: { label: string; year: number; onChange(year: number): void }) {
  return (
    <label className="inline-field">
      <span className="muted small">{label}</span>
      <select value={year} onChange={(e) => onChange(Number(e.target.value))}>
        {yearChoices().map((y) => <option key={y} value={y}>{y}</option>)}
      </select>
    </label>
  );
}
