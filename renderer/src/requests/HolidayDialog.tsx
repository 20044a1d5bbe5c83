import { useEffect, useState } from 'react';
import { addCalendarDays, isIsoDate, type HolidayCalendar } from '../../../shared/workdays.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { common } from '../messages/common.ts';
import { requests as m } from '../messages/requests.ts';
import { useNotices } from '../stores/notices.ts';
import { useRequests } from '../stores/requests.ts';

/** One date a line, or `from..to` for a run of days; returns the days and the lines that are not dates. */
export function parseDates(text: string): { days: string[]; bad: string[] } {
  const days = new Set<string>();
  const bad: string[] = [];
  for (const raw of text.split(/[\n,，、\s]+/)) {
    const line = raw.trim();
    if (!line) continue;
    const [from, to] = line.split('..');
    if (!from || !isIsoDate(from) || (to !== undefined && (!isIsoDate(to) || to < from))) {
      bad.push(line);
      continue;
    }
    for (let d = from; d <= (to ?? from); d = addCalendarDays(d, 1)) days.add(d);
  }
  return { days: [...days].sort(), bad };
}

/** Runs of consecutive days written back as `from..to`, so a year's schedule stays a dozen lines. */
export function formatDates(days: readonly string[]): string {
  const sorted = [...new Set(days)].sort();
  const lines: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === addCalendarDays(sorted[j]!, 1)) j++;
    lines.push(i === j ? sorted[i]! : `${sorted[i]}..${sorted[j]}`);
    i = j + 1;
  }
  return lines.join('\n');
}

const coveredYears = (c: HolidayCalendar) => [...new Set([...c.holidays, ...c.workingWeekends].map((d) => Number(d.slice(0, 4))))].sort();

export function HolidayDialog({ canEdit, onClose }: { canEdit: boolean; onClose(): void }) {
  const { calendar, loadCalendar, saveCalendar } = useRequests();
  const [holidays, setHolidays] = useState<string | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void loadCalendar();
  }, [loadCalendar]);
  useEffect(() => {
    if (calendar && holidays === null) {
      setHolidays(formatDates(calendar.holidays));
      setWorking(formatDates(calendar.workingWeekends));
    }
  }, [calendar, holidays]);
  const thisYear = new Date().getFullYear();
  const years = calendar ? coveredYears(calendar) : [];

  return (
    <Modal title={m.holidaysTitle} onClose={onClose} wide>
      {holidays !== null && working !== null && (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const h = parseDates(holidays);
            const w = parseDates(working);
            if (h.bad.length + w.bad.length > 0) return setError(m.badDates([...h.bad, ...w.bad]));
            const problem = await saveCalendar({ holidays: h.days, workingWeekends: w.days });
            if (problem) return setError(problem);
            useNotices.getState().ok(m.holidaysSaved);
            onClose();
          }}
        >
          <p className="small muted">{m.holidaysHint}</p>
          <p className="small">{m.covered(years)}</p>
          {!years.includes(thisYear) && <p className="small warning">{m.notCovered(thisYear)}</p>}
          {!years.includes(thisYear + 1) && new Date().getMonth() >= 10 && <p className="small warning">{m.notCovered(thisYear + 1)}</p>}
          <div className="form-row">
            <Field label={m.holidayList}>{(p) => <textarea {...p} rows={12} className="mono" readOnly={!canEdit} value={holidays} onChange={(e) => { setHolidays(e.target.value); setError(null); }} />}</Field>
            <Field label={m.workingWeekends}>{(p) => <textarea {...p} rows={12} className="mono" readOnly={!canEdit} value={working} onChange={(e) => { setWorking(e.target.value); setError(null); }} />}</Field>
          </div>
          {error && <p className="field-error" role="alert">{error}</p>}
          <div className="form-actions">
            {canEdit && <button type="submit" className="btn-primary">{common.save}</button>}
            <button type="button" onClick={onClose}>{canEdit ? common.cancel : common.close}</button>
          </div>
        </form>
      )}
    </Modal>
  );
}
