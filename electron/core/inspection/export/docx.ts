import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import { gongwen, gongwenSection, run, signature, withFontFallbacks } from '../../exports/official-docx.ts';
import type { InspectionReport } from './report.ts';
import { outcomeTable } from './tables.ts';
import { channelMessages, returnGroundLabels } from '../../../../shared/messages/channels.ts';
import { inspectionMessages as m } from '../../../../shared/messages/inspection.ts';

const { fonts, line } = gongwen;
const twoChars = 2 * gongwen.char;

const bodyParagraph = (text: string) => new Paragraph({ spacing: line, indent: { firstLine: twoChars }, alignment: AlignmentType.JUSTIFIED, children: [run(text)] });
const headingParagraph = (text: string) => new Paragraph({ spacing: line, indent: { firstLine: twoChars }, keepNext: true, children: [run(text, fonts.heading)] });
const blank = () => new Paragraph({ spacing: line, children: [run('')] });

/** GB/T 9704 writes 成文日期 in Arabic numerals without leading zeros: 2025年11月28日. */
function documentDate(iso: string): string {
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  return `${y}年${mo}月${d}日`;
}

/** keepNext on every row but the last holds the small table on one page with its caption. */
function cell(text: string | number, bold = false, keepNext = true): TableCell {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    borders: { top: border, bottom: border, left: border, right: border },
    children: [new Paragraph({ alignment: AlignmentType.CENTER, keepNext, children: [run(String(text), fonts.body, gongwen.tableSize, bold)] })],
  });
}

/** 自查情况报告 as a 公文: title, 主送, body with the figures and 表1, signature, 成文日期, 附注. */
export async function writeReportDocx(report: InspectionReport, note: string = m.report.defaultNote): Promise<Buffer> {
  const { summary, annual, config, year } = report;
  const r = m.report;
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: r.tableHeader.map((h) => cell(h, true)) }),
      ...outcomeTable(report).map((row, i, all) => new TableRow({ cantSplit: true, children: row.map((v) => cell(typeof v === 'object' ? v.iso : v, false, i < all.length - 1)) })),
    ],
  });
  const onRequestListed = summary.byRule['often-requested'];
  const children = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: gongwen.titleLine, children: [run(r.title(config.unitName, year), fonts.title, gongwen.titleSize)] }),
    blank(),
    new Paragraph({ spacing: line, children: [run(`${config.reportTo}：`)] }),
    bodyParagraph(r.opening(year)),
    headingParagraph(r.scopeHeading),
    bodyParagraph(r.scope(summary.progress.total, summary.byAttribute.withheld, summary.byAttribute.partial, onRequestListed, config.minRequests)),
    bodyParagraph(r.flagged(summary.byRule['secrecy-lapsed'], summary.byRule['process-over'])),
    headingParagraph(r.resultHeading),
    bodyParagraph(r.result(summary.progress.done, summary.progress.total, summary.byOutcome.keep, summary.converted.toProactive, summary.converted.toPartial)),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: line, keepNext: true, children: [run(r.tableCaption, fonts.heading, 28)] }),
    table,
    headingParagraph(r.requestsHeading),
    bodyParagraph(r.requests(annual.requests.received.total, annual.requests.answered, annual.requests.answeredLate, annual.requests.carriedOut)),
    ...(annual.returns && annual.returns.total > 0
      ? [bodyParagraph(channelMessages.returnsSentence(annual.returns.total, annual.returns.byGround.filter((g) => g.count > 0).map((g) => [returnGroundLabels[g.ground], g.count])))]
      : []),
    headingParagraph(r.nextHeading),
    bodyParagraph(r.next),
    bodyParagraph(r.closing),
    blank(),
    blank(),
    ...signature(config.unitName, documentDate(report.reportDate)),
    new Paragraph({ spacing: line, indent: { firstLine: twoChars }, children: [run(note)] }),
    ...(report.rootFingerprint ? [new Paragraph({ spacing: line, children: [run(r.rootFingerprint(report.rootFingerprint), fonts.body, gongwen.tableSize)] })] : []),
  ];
  const document = new Document({
    creator: config.unitName,
    title: r.title(config.unitName, year),
    styles: { default: { document: { run: { font: { ascii: fonts.body, eastAsia: fonts.body, hAnsi: fonts.body }, size: gongwen.bodySize } } } },
    evenAndOddHeaderAndFooters: true,
    sections: [gongwenSection(children)],
  });
  return withFontFallbacks(await Packer.toBuffer(document));
}
