import { inspectionMessages as m } from '../../../../shared/messages/inspection.ts';

/** A calendar day (成文日期, a deadline) or a moment (opened, closed): a real date in a spreadsheet, text in csv. */
interface DateCell {
  kind: 'day' | 'time';
  iso: string;
}

export type Cell = string | number | DateCell;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** A day cell when `iso` is a plain YYYY-MM-DD; anything else stays text as written. */
export const day = (iso: string | null): Cell => (iso === null ? '' : isoDay.test(iso) ? { kind: 'day', iso } : iso);

export const time = (iso: string | null): Cell => (iso === null || Number.isNaN(Date.parse(iso)) ? (iso ?? '') : { kind: 'time', iso });

const pad = (n: number) => String(n).padStart(2, '0');

/** Local wall-clock text, the time the office saw on its screens: 2025-11-28 12:00. */
export function localTimeText(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The Date a spreadsheet should hold: exceljs writes a Date's UTC fields as the serial, and a spreadsheet
 * has no time zone, so the local wall-clock fields are moved into UTC.
 */
export function sheetDate(cell: DateCell): Date {
  if (cell.kind === 'day') {
    const [y, m, d] = cell.iso.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d));
  }
  const t = new Date(cell.iso);
  return new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes(), t.getSeconds()));
}

/**
 * Characters XML 1.0 forbids (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF): a stored
 * title can hold them after a bad paste, and Office answers them with a repair prompt or drops the cell.
 */
const unsafe = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const cleanText = (text: string): string => text.replace(unsafe, '');

/** Excel refuses a cell longer than this; the rest is cut with a visible note instead of a repair prompt. */
const maxCellLength = 32_767;

export function sheetText(text: string): string {
  const clean = cleanText(text);
  if (clean.length <= maxCellLength) return clean;
  const cut = m.cellTruncated;
  return cleanText(clean.slice(0, maxCellLength - cut.length)) + cut;
}
