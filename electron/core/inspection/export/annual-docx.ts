import { AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import { gongwen, run, withFontFallbacks } from '../../exports/official-docx.ts';
import { cellText, templateLayout, type LayoutCell } from '../../../../shared/annual-template.ts';
import type { AnnualReport } from '../../../../shared/ipc/inspection.ts';
import { annualTemplateMessages as m } from '../../../../shared/messages/annual-report.ts';

const { fonts } = gongwen;
/** 五号 in half-points: the template's tables are printed small to fit table 四's fifteen columns. */
const tableSize = 21;
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
/** A4 landscape less 2 cm margins, in twips. */
const textWidth = 16838 - 2 * 1134;

/** Row labels get the room on the narrow tables; table 四's fifteen value columns share it evenly. */
function columnWidths(columns: number): number[] {
  if (columns > 10) return Array.from({ length: columns }, () => Math.floor(textWidth / columns));
  const label = Math.round(textWidth * (columns > 2 ? 0.36 : 0.7));
  return [label, ...Array.from({ length: columns - 1 }, () => Math.floor((textWidth - label) / (columns - 1)))];
}

function cell(c: LayoutCell, cells: AnnualReport['cells']): TableCell {
  const text = c.key ? cellText(cells, c.key) : (c.text ?? '');
  const label = !c.key && !c.header;
  return new TableCell({
    columnSpan: c.colSpan,
    verticalAlign: VerticalAlign.CENTER,
    borders: { top: border, bottom: border, left: border, right: border },
    children: [
      new Paragraph({
        alignment: label ? AlignmentType.LEFT : AlignmentType.CENTER,
        indent: c.indent ? { left: c.indent * 2 * tableSize * 10 } : undefined,
        children: [run(text, c.header ? fonts.heading : fonts.body, tableSize)],
      }),
    ],
  });
}

/** The year's tables 二, 三 and 四 as the template lays them out, landscape, then the separate table of withheld 公文. */
export async function writeAnnualDocx(report: AnnualReport, unitName: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [new Paragraph({ alignment: AlignmentType.CENTER, spacing: gongwen.titleLine, children: [run(m.title(unitName, report.year), fonts.title, gongwen.titleSize)] })];
  for (const table of templateLayout()) {
    children.push(new Paragraph({ spacing: { before: 240, after: 120 }, keepNext: true, children: [run(table.title, fonts.heading, 28)] }));
    children.push(
      new Table({
        width: { size: textWidth, type: WidthType.DXA },
        columnWidths: columnWidths(table.columns),
        rows: table.rows.map((row, i) => new TableRow({ cantSplit: true, tableHeader: row.every((c) => c.header) && i < 3, children: row.map((c) => cell(c, report.cells)) })),
      }),
    );
  }
  children.push(new Paragraph({ spacing: { before: 120 }, children: [run(m.withheldDocuments.note, fonts.body, tableSize)] }));
  const document = new Document({
    creator: unitName,
    title: m.title(unitName, report.year),
    styles: { default: { document: { run: { font: { ascii: fonts.body, eastAsia: fonts.body, hAnsi: fonts.body }, size: tableSize } } } },
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } }, children }],
  });
  return withFontFallbacks(await Packer.toBuffer(document));
}
