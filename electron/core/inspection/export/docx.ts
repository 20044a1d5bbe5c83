import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import type { InspectionReport } from './report.ts';
import { outcomeTable } from './tables.ts';
import { inspectionMessages as m } from '../../../../shared/messages/inspection.ts';

// GB/T 9704-2012: A4, 天头 37 mm, 订口 28 mm; body in 三号仿宋 (16 pt) on a 28 pt fixed line,
// title in 二号小标宋 (22 pt), first-level headings in 黑体. 1 mm = 56.7 twips; sizes in half-points.
const mm = (v: number) => Math.round(v * 56.7);
const bodySize = 32;
const titleSize = 44;
const lineTwips = 560;
const twoChars = 640;

const fonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  table: '仿宋_GB2312',
};

const run = (text: string, font: string, size = bodySize, bold = false) => new TextRun({ text, bold, size, font: { ascii: font, eastAsia: font, hAnsi: font } });

const line = { line: lineTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

const bodyParagraph = (text: string) => new Paragraph({ spacing: line, indent: { firstLine: twoChars }, alignment: AlignmentType.JUSTIFIED, children: [run(text, fonts.body)] });
const headingParagraph = (text: string) => new Paragraph({ spacing: line, indent: { firstLine: twoChars }, children: [run(text, fonts.heading)] });
const blank = () => new Paragraph({ spacing: line, children: [run('', fonts.body)] });

/** GB/T 9704 writes 成文日期 in Arabic numerals without leading zeros: 2025年11月28日. */
function documentDate(iso: string): string {
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  return `${y}年${mo}月${d}日`;
}

function cell(text: string | number, bold = false): TableCell {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    borders: { top: border, bottom: border, left: border, right: border },
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(String(text), fonts.table, 24, bold)] })],
  });
}

/** 自查情况报告 as a 公文: title, 主送, body with the figures and 表1, signature, 成文日期, 附注. */
export async function writeReportDocx(report: InspectionReport, note: string = m.report.defaultNote): Promise<Buffer> {
  const { summary, annual, config, year } = report;
  const r = m.report;
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: r.tableHeader.map((h) => cell(h, true)) }), ...outcomeTable(report).map((row) => new TableRow({ children: row.map((v) => cell(v)) }))],
  });
  const onRequestListed = summary.byRule['often-requested'];
  const children = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT }, children: [run(r.title(config.unitName, year), fonts.title, titleSize)] }),
    blank(),
    new Paragraph({ spacing: line, children: [run(`${config.reportTo}：`, fonts.body)] }),
    bodyParagraph(r.opening(year)),
    headingParagraph(r.scopeHeading),
    bodyParagraph(r.scope(summary.progress.total, summary.byAttribute.withheld, summary.byAttribute.partial, onRequestListed, config.minRequests)),
    bodyParagraph(r.flagged(summary.byRule['secrecy-lapsed'], summary.byRule['process-over'])),
    headingParagraph(r.resultHeading),
    bodyParagraph(r.result(summary.progress.done, summary.progress.total, summary.byOutcome.keep, summary.converted.toProactive, summary.converted.toPartial)),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: line, children: [run(r.tableCaption, fonts.heading, 28)] }),
    table,
    headingParagraph(r.requestsHeading),
    bodyParagraph(r.requests(annual.requests.received.total, annual.requests.answered, annual.requests.answeredLate, annual.requests.carriedOut)),
    headingParagraph(r.nextHeading),
    bodyParagraph(r.next),
    bodyParagraph(r.closing),
    blank(),
    blank(),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: line, indent: { right: twoChars * 2 }, children: [run(config.unitName, fonts.body)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: line, indent: { right: twoChars * 2 }, children: [run(documentDate(report.reportDate), fonts.body)] }),
    new Paragraph({ spacing: line, indent: { firstLine: twoChars }, children: [run(note, fonts.body)] }),
  ];
  const document = new Document({
    creator: config.unitName,
    title: r.title(config.unitName, year),
    styles: { default: { document: { run: { font: { ascii: fonts.body, eastAsia: fonts.body, hAnsi: fonts.body }, size: bodySize } } } },
    sections: [
      {
        properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } } },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
