import type ExcelJS from 'exceljs';
import { inspectionMessages as m } from '../../../../shared/messages/inspection.ts';
import { sheetDate, sheetText, type Cell } from './cells.ts';

/** A new workbook; exceljs is loaded on first use, since importing it costs every CLI run and the app's start about 0.4 s. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  return new excel.Workbook();
}

const dayFormat = 'yyyy-mm-dd';
const timeFormat = 'yyyy-mm-dd hh:mm';

/** Appends a row of plain values: text cleaned for XML and Excel's cell limit, days and times as real dates. */
export function addCells(sheet: ExcelJS.Worksheet, cells: readonly Cell[]): ExcelJS.Row {
  const row = sheet.addRow(cells.map((c) => (typeof c === 'string' ? sheetText(c) : typeof c === 'number' ? c : sheetDate(c))));
  cells.forEach((c, i) => {
    if (typeof c === 'object') row.getCell(i + 1).numFmt = c.kind === 'day' ? dayFormat : timeFormat;
  });
  return row;
}

const paperSizes = { A4: 9, A3: 8 } as const;

/**
 * Printed landscape, as wide as one page, the header row repeated on every page; the wide ledger sheets go on A3.
 * Columns from `hashFrom` on hold 64-character hashes: one line each and off the printed page, which they would
 * otherwise shrink to an unreadable scale.
 */
export function printLayout(sheet: ExcelJS.Worksheet, paper: keyof typeof paperSizes = 'A4', hashFrom?: number): void {
  if (hashFrom !== undefined) {
    for (let c = hashFrom; c <= sheet.columnCount; c++) sheet.getColumn(c).eachCell((cell, row) => (cell.alignment = { vertical: row === 1 ? 'middle' : 'top', wrapText: false }));
  }
  const lastPrinted = hashFrom === undefined ? sheet.columnCount : hashFrom - 1;
  sheet.pageSetup = {
    // exceljs puts a $ before each end; the row's own $ makes the reference fully absolute, which LibreOffice needs.
    printArea: `A$1:${sheet.getColumn(lastPrinted).letter}$${Math.max(1, sheet.rowCount)}`,
    paperSize: paperSizes[paper] as ExcelJS.PaperSize,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: '1:1',
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: m.sheetFooter };
}
