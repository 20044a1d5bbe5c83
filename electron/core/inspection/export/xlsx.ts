import ExcelJS from 'exceljs';
import type { WorklistItem } from '../../../../shared/ipc/inspection.ts';
import { ledgerColumns } from './columns.ts';
import { annualTables, outcomeTable, summaryPairs, type Cell } from './tables.ts';
import { inspectionMessages as m } from '../../../../shared/messages/inspection.ts';
import type { InspectionReport } from './report.ts';

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF3' } };
const cjkFont = { name: '宋体', size: 11 };

function itemSheet(book: ExcelJS.Workbook, name: string, items: readonly WorklistItem[]): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ledgerColumns.map((c) => ({ header: c.header, width: c.width }));
  items.forEach((item, n) => sheet.addRow(ledgerColumns.map((c) => c.value(item, n))));
  styleHeader(sheet.getRow(1));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ledgerColumns.length } };
  sheet.eachRow((row, i) => {
    if (i > 1) row.font = cjkFont;
    row.alignment = { vertical: 'top', wrapText: true };
  });
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { ...cjkFont, bold: true };
  row.fill = headerFill;
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
}

function summarySheet(book: ExcelJS.Workbook, report: InspectionReport): void {
  const sheet = book.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ width: 44 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }];
  const add = (cells: Cell[], header = false) => {
    const row = sheet.addRow(cells);
    row.font = header ? { ...cjkFont, bold: true } : cjkFont;
    if (header) row.fill = headerFill;
    row.alignment = { vertical: 'top', wrapText: true };
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
}

/** The 自查台账 workbook: one sheet per kind of information, the converted items, and the summary. Plain values only. */
export async function writeLedgerXlsx(report: InspectionReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = report.config.unitName;
  book.created = new Date(report.closedAt ?? report.openedAt);
  book.title = `${report.year}年度政府信息公开自查台账`;
  itemSheet(book, '不予公开', report.items.filter((i) => i.attribute === 'withheld'));
  itemSheet(book, '部分公开', report.items.filter((i) => i.attribute === 'partial'));
  itemSheet(book, '依申请公开', report.items.filter((i) => i.attribute === 'on-request'));
  itemSheet(book, '已转换', report.items.filter((i) => i.progress === 'done' && i.outcome !== null && i.outcome !== 'keep'));
  summarySheet(book, report);
  return Buffer.from(await book.xlsx.writeBuffer());
}
