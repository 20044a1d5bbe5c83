import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { makeOfd, makePdf, type PdfLine } from '../helpers/fixtures.ts';

/** How a held-out draft is also delivered as a real file: its JSON names the format, and for docx a header and footer. */
interface FileSpec {
  format?: HeldoutFormat;
  header?: string;
  footer?: string;
  /** PDF lines set centred, as a 公文 sets its 发文机关, 标题 and 发文字号. */
  centered?: string[];
  /** docx lines set in Word's Heading 1 style, as chapter and section headings are. */
  headings?: string[];
}

type HeldoutFormat = 'docx' | 'pdf' | 'ofd';

const heldoutDir = path.resolve(import.meta.dirname, 'heldout');

export const formatDrafts = (): { name: string; format: HeldoutFormat }[] =>
  fs.readdirSync(heldoutDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => {
      const spec = JSON.parse(fs.readFileSync(path.join(heldoutDir, f), 'utf8')) as FileSpec;
      return spec.format ? [{ name: f.slice(0, -5), format: spec.format }] : [];
    });

const readDraft = (name: string) => ({
  lines: fs.readFileSync(path.join(heldoutDir, `${name}.txt`), 'utf8').replace(/\n+$/, '').split('\n'),
  spec: JSON.parse(fs.readFileSync(path.join(heldoutDir, `${name}.json`), 'utf8')) as FileSpec,
});

const run = (text: string) => new Paragraph({ children: [new TextRun(text)] });

/** Lines holding tabs become one Word table; the rest are paragraphs, under a page header and footer. */
async function docxOf(lines: string[], spec: FileSpec): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length === 0) return;
    const tableRows = rows.map((cells) => new TableRow({ children: cells.map((cell) => new TableCell({ children: [run(cell)] })) }));
    children.push(new Table({ rows: tableRows, width: { size: 100, type: WidthType.PERCENTAGE } }));
    rows = [];
  };
  for (const line of lines) {
    if (line.includes('\t')) {
      rows.push(line.split('\t'));
      continue;
    }
    flush();
    children.push(spec.headings?.includes(line) ? new Paragraph({ text: line, heading: HeadingLevel.HEADING_1 }) : run(line));
  }
  flush();
  const headers = spec.header ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(spec.header)] })] }) } : undefined;
  const footers = spec.footer ? { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(spec.footer)] })] }) } : undefined;
  const doc = new Document({ sections: [{ headers, footers, children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const charsPerLine = 27;
const linesPerPage = 24;

/** Lines set at 16 pt on A4 and broken into pages by how many printed lines each takes after wrapping. */
function pdfOf(lines: string[], spec: FileSpec): Promise<Uint8Array> {
  const pages: PdfLine[][] = [[]];
  let used = 0;
  for (const text of lines) {
    const printed = Math.max(1, Math.ceil([...text].length / charsPerLine));
    if (used + printed > linesPerPage) {
      pages.push([]);
      used = 0;
    }
    used += printed;
    pages.at(-1)!.push({ text, centered: spec.centered?.includes(text) ?? false });
  }
  return makePdf(pages);
}

const ofdCharsPerLine = 28;
const ofdLinesPerPage = 17;

/** Lines wrapped at the text block's width, one TextObject each, 17 to a page, as an OFD producer lays them out. */
function ofdOf(lines: string[]): Uint8Array {
  const printed = lines.flatMap((text) => {
    const chars = [...text];
    return Array.from({ length: Math.max(1, Math.ceil(chars.length / ofdCharsPerLine)) }, (_, i) => chars.slice(i * ofdCharsPerLine, (i + 1) * ofdCharsPerLine).join(''));
  });
  const pages = Array.from({ length: Math.ceil(printed.length / ofdLinesPerPage) }, (_, i) => printed.slice(i * ofdLinesPerPage, (i + 1) * ofdLinesPerPage));
  return makeOfd(pages);
}

/** The draft as the file a drafter would hand in. */
export async function draftFile(name: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { lines, spec } = readDraft(name);
  if (spec.format === 'docx') return { fileName: `${name}.docx`, bytes: await docxOf(lines, spec) };
  if (spec.format === 'ofd') return { fileName: `${name}.ofd`, bytes: ofdOf(lines) };
  return { fileName: `${name}.pdf`, bytes: await pdfOf(lines, spec) };
}
