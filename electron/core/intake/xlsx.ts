import type ExcelJS from 'exceljs';
import { intakeMessages as m } from '../../../shared/messages/intake.ts';
import { IntakeFailure } from './failure.ts';
import { ExpansionBudget, inflateEntry, type ZipEntry } from './zip.ts';
import type { Block, FormatReading } from './blocks.ts';
import { cjkChar } from '../../../shared/text.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel keeps dates as UTC instants of the calendar day it shows. */
function dateText(d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const seconds = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return seconds === 0 ? day : `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Line breaks inside a cell join up as the reader sees them: none between Chinese characters. */
const oneLine = (s: string) => s.replace(/(?<![^\S\r\n])[^\S\r\n]*[\r\n]+\s*/g, (br, at: number, all: string) => (cjkChar.test(all[at - 1] ?? '') || cjkChar.test(all[at + br.length] ?? '') ? '' : ' ')).replace(/\t/g, ' ').trim();

/** The text a cell shows: the result of a formula, the runs of rich text, the label of a link. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  // Excel shows 15 significant digits: 295.33000000000004 is stored, 295.33 is what the sheet says.
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value !== 'object') return oneLine(String(value));
  if ('richText' in value) return oneLine(value.richText.map((r) => r.text).join(''));
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return cellText((value as { text: ExcelJS.CellValue }).text);
  return '';
}

/**
 * Reads an .xlsx as table text: every sheet in order (a sheet counts as a page), each row one paragraph
 * with its cells tab-joined as docx tables are, a merged cell once. The rows of one cell before a
 * sheet's first table row are its title rows. Every entry is inflated and counted first, so a zip
 * bomb is refused before exceljs (which trusts the archive) sees it.
 */
export async function readXlsx(bytes: Uint8Array, entries: ZipEntry[], maxExpandedBytes: number): Promise<FormatReading> {
  const budget = new ExpansionBudget(maxExpandedBytes);
  for (const entry of entries) inflateEntry(bytes, entry, budget, false);
  // Loaded on the first .xlsx only: the worker starts 0.4 s sooner for the .docx and .pdf that make up most imports.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new IntakeFailure('corrupt');
  }
  const blocks: Block[] = [];
  const hidden: string[] = [];
  let hiddenRows = 0;
  let page = 0;
  for (const sheet of workbook.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      if (row.hidden) hiddenRows++;
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        const merged = cell.isMerged && cell.master.address !== cell.address;
        cells[column - 1] = merged ? '' : cellText(cell.value);
      });
      const filled = Array.from(cells, (c) => c ?? '');
      while (filled.length > 0 && filled.at(-1) === '') filled.pop();
      if (filled.length > 0) rows.push(filled);
    });
    if (rows.length === 0) continue;
    page++;
    if (sheet.state !== 'visible') hidden.push(sheet.name);
    let beforeTable = true;
    for (const cells of rows) {
      const values = cells.filter(Boolean);
      if (values.length > 1) beforeTable = false;
      const kind = values.length > 1 ? 'table' : beforeTable && values[0]!.length >= 4 ? 'title' : 'paragraph';
      blocks.push({ text: values.length > 1 ? cells.join('\t') : values[0]!, page, kind });
    }
  }
  const warnings = hidden.length + hiddenRows > 0 ? [m.xlsxHidden(hidden, hiddenRows)] : [];
  return { blocks, pageCount: page, warnings };
}
