import type ExcelJS from 'exceljs';
import { inspectionMessages as m } from '../../../../shared/messages/inspection.ts';
import { sheetDate, sheetText, type Cell } from './cells.ts';

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

/** Printed landscape, as wide as one page, the header row repeated on every page; the wide ledger sheets go on A3. */
export function printLayout(sheet: ExcelJS.Worksheet, paper: keyof typeof paperSizes = 'A4', headerRows = '1:1'): void {
  sheet.pageSetup = {
    paperSize: paperSizes[paper] as ExcelJS.PaperSize,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: headerRows,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: m.sheetFooter };
}
