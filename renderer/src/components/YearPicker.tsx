import { inspectionYears } from '../../../shared/inspection-years.ts';

/** The year chooser in the head of the yearly views: self-inspection, annual figures, consolidation; only the years core opens. */
export function YearPicker({ label, year, onChange }: { label: string; year: number; onChange(year: number): void }) {
  return (
    <label className="inline-field">
      <span className="muted small">{label}</span>
      <select value={year} onChange={(e) => onChange(Number(e.target.value))}>
        {inspectionYears(new Date().getFullYear()).map((y) => <option key={y} value={y}>{y}</option>)}
      </select>
    </label>
  );
}
