import { existsSync, readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { Document, Footer, FootnoteReferenceRun, Header, HeadingLevel, Packer, PageBreak, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { PDFDocument, PDFHexString, type PDFFont } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';

// ---------- .docx ----------

export type DocxBlock =
  | string
  | { title: string }
  | { heading: 1 | 2 | 3; text: string }
  | { table: string[][] }
  | { text: string; footnote: string }
  | { pageBreak: true };

/** Page header and footer text; "{PAGE}" stands for a page-number field. `first` also sets a first-page variant. */
export interface DocxFurniture {
  header?: string;
  footer?: string;
  first?: boolean;
}

function furnitureParagraph(text: string): Paragraph {
  const pieces = text.split('{PAGE}').flatMap((piece, i) => (i === 0 ? [piece] : [PageNumber.CURRENT, piece])).filter((p) => p !== '');
  return new Paragraph({ children: [new TextRun({ children: pieces })] });
}

/** A .docx built with the `docx` package: plain strings are body paragraphs. */
export async function makeDocx(blocks: DocxBlock[], furniture: DocxFurniture = {}): Promise<Uint8Array> {
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  const children: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    if (typeof block === 'string') children.push(new Paragraph({ children: [new TextRun(block)] }));
    else if ('title' in block) children.push(new Paragraph({ text: block.title, heading: HeadingLevel.TITLE }));
    else if ('heading' in block) {
      const level = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][block.heading - 1];
      children.push(new Paragraph({ text: block.text, heading: level }));
    } else if ('table' in block) {
      const rows = block.table.map((cells) => new TableRow({ children: cells.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) }));
      children.push(new Table({ rows }));
    } else if ('footnote' in block) {
      const id = Object.keys(footnotes).length + 1;
      footnotes[id] = { children: [new Paragraph(block.footnote)] };
      children.push(new Paragraph({ children: [new TextRun(block.text), new FootnoteReferenceRun(id)] }));
    } else children.push(new Paragraph({ children: [new PageBreak()] }));
  }
  const header = furniture.header === undefined ? undefined : () => new Header({ children: [furnitureParagraph(furniture.header!)] });
  const footer = furniture.footer === undefined ? undefined : () => new Footer({ children: [furnitureParagraph(furniture.footer!)] });
  const headers = header && { default: header(), ...(furniture.first ? { first: header() } : {}) };
  const footers = footer && { default: footer(), ...(furniture.first ? { first: footer() } : {}) };
  const doc = new Document({ footnotes, sections: [{ headers, footers, properties: furniture.first ? { titlePage: true } : {}, children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const WORD_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface WordXmlParts {
  /** Inner XML of w:styles. */
  styles?: string;
  /** Inner XML of w:comments. */
  comments?: string;
  /** Inner XML of each w:hdr / w:ftr part (header1.xml, footer1.xml…), referenced from the section unless `unreferenced`. */
  headers?: string[];
  footers?: string[];
  unreferenced?: boolean;
}

/**
 * A .docx written by hand from the inner XML of w:body, for what Word writes and the `docx` package
 * does not: rendered page breaks, tracked changes, comments, text boxes.
 */
export function makeWordXmlDocx(bodyXml: string, parts: WordXmlParts = {}): Uint8Array {
  const rels = [`<Relationship Id="rIdStyles" Type="${OFFICE_REL}/styles" Target="styles.xml"/>`];
  if (parts.comments !== undefined) rels.push(`<Relationship Id="rIdComments" Type="${OFFICE_REL}/comments" Target="comments.xml"/>`);
  const furniture = [...(parts.headers ?? []).map((xml, i) => ({ kind: 'header', tag: 'hdr', xml, file: `header${i + 1}.xml` })), ...(parts.footers ?? []).map((xml, i) => ({ kind: 'footer', tag: 'ftr', xml, file: `footer${i + 1}.xml` }))];
  const references = furniture.map((f, i) => `<w:${f.kind}Reference w:type="${i === 0 || f.kind !== furniture[i - 1]!.kind ? 'default' : 'even'}" r:id="rIdF${i}"/>`);
  for (const [i, f] of furniture.entries()) rels.push(`<Relationship Id="rIdF${i}" Type="${OFFICE_REL}/${f.kind}" Target="${f.file}"/>`);
  const overrides = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
    parts.comments !== undefined ? '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>' : '',
  ];
  const entries: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${OFFICE_REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${REL_NS}">${rels.join('')}</Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${WORD_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:r="${OFFICE_REL}"><w:body>${bodyXml}<w:sectPr>${parts.unreferenced ? '' : references.join('')}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
    'word/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${WORD_NS}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${parts.styles ?? ''}</w:styles>`,
  };
  for (const f of furniture) entries[`word/${f.file}`] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${f.tag} xmlns:w="${WORD_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:r="${OFFICE_REL}">${f.xml}</w:${f.tag}>`;
  if (parts.comments !== undefined) entries['word/comments.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${WORD_NS}">${parts.comments}</w:comments>`;
  return makeZip(entries);
}

/** One w:p of plain runs; `before` is raw XML put in the first run ahead of the text (breaks). */
export function wordParagraph(text: string, options: { before?: string; pPr?: string; after?: string } = {}): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<w:p>${options.pPr ? `<w:pPr>${options.pPr}</w:pPr>` : ''}<w:r>${options.before ?? ''}<w:t xml:space="preserve">${escaped}</w:t>${options.after ?? ''}</w:r></w:p>`;
}

// ---------- .pdf ----------

const CJK_FONT_FILE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const FACE = 'NotoSansCJKsc-Regular';
let cjkFont: Uint8Array | null = null;

/** The Noto CJK collection from the fonts-noto-cjk apt package (.ci/run installs it). */
function cjkFontBytes(): Uint8Array {
  if (cjkFont) return cjkFont;
  if (!existsSync(CJK_FONT_FILE)) throw new Error('makePdf needs a CJK font: apt-get install fonts-noto-cjk');
  cjkFont = new Uint8Array(readFileSync(CJK_FONT_FILE));
  return cjkFont;
}

const LEFT = 79;
const TEXT_WIDTH = 437;

/** Breaks text into lines no wider than the text block, character by character as Chinese typesetting does. */
function wrap(text: string, widthOf: (t: string, first: boolean) => number, max: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const ch of text) {
    if (current && widthOf(current + ch, lines.length === 0) > max) {
      lines.push(current);
      current = '';
    }
    current += ch;
  }
  lines.push(current);
  return lines;
}

export interface PdfLine {
  text: string;
  size?: number;
  /** Left indent in points from the margin. */
  indent?: number;
  centered?: boolean;
}

export interface PdfOptions {
  /** Writes an /Encrypt dictionary whose user password is not empty, as a password-protected PDF has. */
  password?: boolean;
}

/**
 * A PDF with an embedded, subset CJK font (one face of the Noto CJK collection). Each page is a list
 * of lines set top-down on A4; an empty page list item gives a page with only a drawn rectangle,
 * as a scanned page has no text.
 */
export async function makePdf(pages: (string | PdfLine)[][], options: PdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  // The fonts ship as a TrueType collection; pdf-lib embeds one font, so hand it the Simplified Chinese face.
  doc.registerFontkit({ create: (bytes: Uint8Array) => fontkit.create(bytes, FACE) });
  let font: PDFFont | null = null;
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    if (lines.length === 0) {
      page.drawRectangle({ x: 60, y: 100, width: 470, height: 650, borderWidth: 1 });
      continue;
    }
    font ??= await doc.embedFont(cjkFontBytes(), { subset: true });
    let y = 780;
    for (const raw of lines) {
      const line = typeof raw === 'string' ? { text: raw } : raw;
      const size = line.size ?? 16;
      const pageFont = font;
      for (const [i, piece] of wrap(line.text, (t, first) => pageFont.widthOfTextAtSize(t, size) + (first ? (line.indent ?? 0) : 0), TEXT_WIDTH).entries()) {
        const width = font.widthOfTextAtSize(piece, size);
        const x = line.centered ? (595 - width) / 2 : LEFT + (i === 0 ? (line.indent ?? 0) : 0);
        page.drawText(piece, { x, y, size, font });
        y -= size * 1.75;
      }
    }
  }
  if (options.password) {
    const random = (n: number) => PDFHexString.of(Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + 11) % 256)).toString('hex'));
    const encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: -44, O: random(32), U: random(32) });
    doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
    doc.context.trailerInfo.ID = doc.context.obj([random(16), random(16)]);
  }
  return doc.save({ useObjectStreams: false });
}

// ---------- .ofd ----------

export interface OfdOptions {
  /** Adds Doc_0/Signs and the Signatures entry, as an electronically sealed OFD has. */
  signed?: boolean;
  /** One TextObject per glyph, written in reverse order, so reading order must come from coordinates. */
  glyphs?: boolean;
}

/** One printed line of an OFD page; `indent` is in characters from the left margin, as a first-line indent of 2 is. */
export interface OfdLine {
  text: string;
  indent?: number;
}

const OFD_NS = 'http://www.ofdspec.org/2016';
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function ofdPage(lines: (string | OfdLine)[], glyphs: boolean): string {
  const size = 5.6;
  const advance = (ch: string) => (ch.charCodeAt(0) < 0x2e80 ? size / 2 : size);
  const objects: string[] = [];
  let id = 100;
  lines.forEach((raw, row) => {
    const top = 40 + row * 14;
    const line = typeof raw === 'string' ? raw : raw.text;
    const left = 28 + (typeof raw === 'string' ? 0 : (raw.indent ?? 0) * size);
    const chars = Array.from(line);
    if (!glyphs) {
      const deltas = chars.length > 1 ? `DeltaX="${chars.slice(0, -1).map(advance).join(' ')}"` : '';
      objects.push(`<ofd:TextObject ID="${id++}" Font="1" Size="${size}" Boundary="${left} ${top} 160 8"><ofd:TextCode X="0" Y="${size}" ${deltas}>${xmlEscape(line)}</ofd:TextCode></ofd:TextObject>`);
      return;
    }
    let x = left;
    for (const ch of chars) {
      objects.push(`<ofd:TextObject ID="${id++}" Font="1" Size="${size}" Boundary="${x.toFixed(2)} ${top} ${size} 8"><ofd:TextCode X="0" Y="${size}">${xmlEscape(ch)}</ofd:TextCode></ofd:TextObject>`);
      x += advance(ch);
    }
  });
  // Producers that write one glyph per object do not always write them in reading order.
  if (glyphs) objects.reverse();
  return `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="${OFD_NS}"><ofd:Area><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="2">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>`;
}

/** An OFD (GB/T 33190) package made by hand: OFD.xml → Doc_0/Document.xml → Doc_0/Pages/Page_N/Content.xml. */
export function makeOfd(pages: (string | OfdLine)[][], options: OfdOptions = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const signatures = options.signed ? '<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>' : '';
  files['OFD.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="${OFD_NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>fixture</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>${signatures}</ofd:DocBody></ofd:OFD>`);
  const pageRefs = pages.map((_, i) => `<ofd:Page ID="${10 + i}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('');
  files['Doc_0/Document.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="${OFD_NS}"><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>${pageRefs}</ofd:Pages></ofd:Document>`);
  pages.forEach((lines, i) => {
    files[`Doc_0/Pages/Page_${i}/Content.xml`] = strToU8(ofdPage(lines, options.glyphs ?? false));
  });
  if (options.signed) {
    files['Doc_0/Signs/Signatures.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:Signatures xmlns:ofd="${OFD_NS}"><ofd:Signature ID="1" BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>`);
    files['Doc_0/Signs/Sign_0/Signature.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:Signature xmlns:ofd="${OFD_NS}"/>`);
    files['Doc_0/Signs/Sign_0/SignedValue.dat'] = new Uint8Array([1, 2, 3, 4]);
  }
  return zipSync(files);
}

// ---------- encodings and archives ----------

let gbkTable: Map<string, number[]> | null = null;

/** Text encoded as GBK bytes (Node can decode GBK but not encode it, so the table is built from the decoder). */
export function gbkBytes(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        try {
          const ch = decoder.decode(new Uint8Array([lead, trail]));
          if (!gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
        } catch {
          // Unassigned code: nothing to map.
        }
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

export function utf16leWithBom(text: string): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return new Uint8Array([0xff, 0xfe, ...body]);
}

/** A zip of the given entries (deflated); strings are written as UTF-8. */
export function makeZip(entries: Record<string, string | Uint8Array>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(entries)) files[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(files, { level: 9 });
}

/** Rewrites every declared uncompressed size in a zip to `size`, as a zip bomb lies about them. */
export function lieAboutZipSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && i + 26 <= out.length) view.setUint32(i + 22, size, true);
    else if (sig === 0x02014b50 && i + 28 <= out.length) view.setUint32(i + 24, size, true);
  }
  return out;
}

/** The first bytes of an OLE2 compound file with a named stream, enough to be told apart by content. */
export function oleBytes(streamName: string): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const out = new Uint8Array(2048);
  out.set(header, 0);
  const name = Buffer.from(streamName, 'utf16le');
  out.set(name, 1024);
  return out;
}

