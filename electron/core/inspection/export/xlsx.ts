import type ExcelJS from 'exceljs';
import type { WorklistItem } from '../../../../shared/ipc/inspection.ts';
import { ledgerColumns } from './columns.ts';
import { annualTables, outcomeTable, summaryPairs } from './tables.ts';
import { cleanText, type Cell } from './cells.ts';
import { addCells, newWorkbook, printLayout } from './sheet.ts';
import { inspectionMessages as m } from '../../../../shared/messages/inspection.ts';
import type { InspectionReport } from './report.ts';

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF3' } };
const cjkFont = { name: '宋体', size: 11 };
const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FF999999' } };
const grid: Partial<ExcelJS.Borders> = { top: thin, bottom: thin, left: thin, right: thin };

function itemSheet(book: ExcelJS.Workbook, name: string, items: readonly WorklistItem[]): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ledgerColumns.map((c) => ({ width: c.width }));
  styleHeader(addCells(sheet, ledgerColumns.map((c) => c.header)));
  items.forEach((item, n) => {
    const row = addCells(sheet, ledgerColumns.map((c) => c.value(item, n)));
    row.font = cjkFont;
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell((cell) => (cell.border = grid));
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ledgerColumns.length } };
  const firstHash = ledgerColumns.findIndex((c) => c.hash);
  printLayout(sheet, 'A3', firstHash < 0 ? undefined : firstHash + 1);
}

/** Two lines high: a wrapped header needs the room, and not every reader sizes rows itself. */
function styleHeader(row: ExcelJS.Row): void {
  row.height = 30;
  row.font = { ...cjkFont, bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = headerFill;
    cell.border = grid;
  });
}

function summarySheet(book: ExcelJS.Workbook, report: InspectionReport): void {
  const sheet = book.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ width: 44 }, { width: 30 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }];
  const add = (cells: Cell[], header = false) => {
    const row = addCells(sheet, cells);
    row.font = header ? { ...cjkFont, bold: true } : cjkFont;
    row.alignment = { vertical: 'top', horizontal: header ? 'center' : undefined, wrapText: true };
    row.eachCell((cell) => {
      if (header) cell.fill = headerFill;
      cell.border = grid;
    });
  };
  add(['项目', '数值'], true);
  for (const pair of summaryPairs(report)) add(pair);
  sheet.addRow([]);
  add([m.report.tableCaption], true);
  add([...m.report.tableHeader], true);
  for (const row of outcomeTable(report)) add(row);
  for (const table of annualTables(report.year, report.annual)) {
    sheet.addRow([]);
    add([table.title], true);
    add(table.header, true);
    for (const row of table.rows) add(row);
  }
  printLayout(sheet);
}

/** The 自查台账 workbook: one sheet per kind of information, the converted items, and the summary. Plain values only. */
export async function writeLedgerXlsx(report: InspectionReport): Promise<Buffer> {
  const book = await newWorkbook();
  book.creator = cleanText(report.config.unitName);
  book.created = new Date(report.closedAt ?? report.openedAt);
  book.title = `${report.year}年度政府信息公开自查台账`;
  itemSheet(book, '不予公开', report.items.filter((i) => i.attribute === 'withheld'));
  itemSheet(book, '部分公开', report.items.filter((i) => i.attribute === 'partial'));
  itemSheet(book, '依申请公开', report.items.filter((i) => i.attribute === 'on-request'));
  itemSheet(book, '已转换', report.items.filter((i) => i.progress === 'done' && i.outcome !== null && i.outcome !== 'keep'));
  summarySheet(book, report);
  return Buffer.from(await book.xlsx.writeBuffer());
}
