import { ledgerColumns } from './columns.ts';
import type { InspectionReport } from './report.ts';
import { cleanText, localTimeText, type Cell } from './cells.ts';
import { attribute } from '../../../../shared/attributes.ts';

const bom = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * RFC 4180 field: quoted when it holds a comma, quote or line break. A leading = + - @ would make a
 * spreadsheet run the text as a formula, so such text gets an apostrophe (OWASP's CSV-injection advice).
 */
export function csvField(value: Cell): string {
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? cleanText(value) : value.kind === 'day' ? value.iso : localTimeText(value.iso);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvText(rows: readonly (readonly Cell[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The 自查台账 as one table, UTF-8 with BOM so Excel and WPS open the Chinese text correctly. */
export function writeLedgerCsv(report: InspectionReport): Buffer {
  const header: Cell[] = ['公开属性分类', ...ledgerColumns.map((c) => c.header)];
  const rows = report.items.map((item, n): Cell[] => [attribute(item.attribute).label, ...ledgerColumns.map((c) => c.value(item, n))]);
  return Buffer.concat([bom, Buffer.from(csvText([header, ...rows]), 'utf8')]);
}
