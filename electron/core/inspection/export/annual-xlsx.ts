import type ExcelJS from 'exceljs';
import { cellText, templateLayout } from '../../../../shared/annual-template.ts';
import type { AnnualReport } from '../../../../shared/ipc/inspection.ts';
import { annualTemplateMessages as m } from '../../../../shared/messages/annual-report.ts';
import { sheetText } from './cells.ts';
import { newWorkbook, printLayout } from './sheet.ts';

const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
const grid: Partial<ExcelJS.Borders> = { top: thin, bottom: thin, left: thin, right: thin };
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF3' } };
const font = { name: '宋体', size: 11 };

/** One sheet per table, merged as the template merges its headers; values are numbers, 未记录 stays text. */
export async function writeAnnualXlsx(report: AnnualReport, unitName: string): Promise<Uint8Array> {
  const book = await newWorkbook();
  book.creator = unitName;
  book.title = m.title(unitName, report.year);
  for (const table of templateLayout()) {
    const sheet = book.addWorksheet(table.title.replace(/[、：:（）()，；]/g, '').slice(0, 31));
    sheet.addRow([sheetText(table.title)]).font = { ...font, bold: true };
    sheet.mergeCells(1, 1, 1, table.columns);
    for (const row of table.rows) {
      const r = sheet.addRow([]);
      let column = 1;
      for (const c of row) {
        const target = r.getCell(column);
        const value = c.key ? report.cells[c.key] : null;
        target.value = c.key ? (value ?? cellText(report.cells, c.key)) : sheetText(`${'　'.repeat(2 * (c.indent ?? 0))}${c.text ?? ''}`);
        target.font = c.header ? { ...font, bold: true } : font;
        target.alignment = { vertical: 'middle', horizontal: c.key || c.header ? 'center' : 'left', wrapText: true };
        if (c.header) target.fill = headerFill;
        const span = c.colSpan ?? 1;
        if (span > 1) sheet.mergeCells(r.number, column, r.number, column + span - 1);
        for (let i = column; i < column + span; i++) r.getCell(i).border = grid;
        column += span;
      }
    }
    sheet.getColumn(1).width = table.columns > 10 ? 12 : 44;
    for (let i = 2; i <= table.columns; i++) sheet.getColumn(i).width = 12;
    printLayout(sheet);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
