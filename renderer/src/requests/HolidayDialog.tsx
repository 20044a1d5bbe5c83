import { useEffect, useState } from 'react';
import { formatDates, parseDates, type HolidayCalendar } from '../../../shared/workdays.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { common } from '../messages/common.ts';
import { requests as m } from '../messages/requests.ts';
import { useNotices } from '../stores/notices.ts';
import { useRequests } from '../stores/requests.ts';

const coveredYears = (c: HolidayCalendar) => [...new Set([...c.holidays, ...c.workingWeekends].map((d) => Number(d.slice(0, 4))))].sort();

export function HolidayDialog({ canEdit, onClose }: { canEdit: boolean; onClose(): void }) {
  const { calendar, loadCalendar, saveCalendar, importSchedule } = useRequests();
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
            {canEdit && (
              <button
                type="button"
                title={m.importScheduleHint}
                onClick={async () => {
                  const [file] = await window.api.chooseFiles({});
                  if (!file) return;
                  const problem = await importSchedule(file);
                  if (problem) return setError(problem);
                  setHolidays(null);
                  useNotices.getState().ok(m.holidaysSaved);
                }}
              >
                {m.importSchedule}
              </button>
            )}
            <button type="button" onClick={onClose}>{canEdit ? common.cancel : common.close}</button>
          </div>
        </form>
      )}
    </Modal>
  );
}
