import { unzipSync, zipSync, strToU8 } from 'fflate';
import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import type { ISectionOptions } from 'docx';

/**
 * GB/T 9704-2012 公文 layout shared by every .docx the app writes: A4 with 天头 37 mm and 订口 28 mm,
 * body in 三号仿宋 (16 pt) on a fixed 28 pt line, title in 二号小标宋 (22 pt), first-level headings in 黑体,
 * page numbers in 四号宋体 as "— 1 —", odd pages right, even pages left. Sizes are in half-points.
 */
export const gongwen = {
  fonts: { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体', pageNumber: '宋体' },
  bodySize: 32,
  titleSize: 44,
  tableSize: 24,
  line: { line: 560, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  titleLine: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  /** One 三号 character in twips. */
  char: 320,
} as const;

const mm = (v: number) => Math.round(v * 56.7);

export const run = (text: string, font: string = gongwen.fonts.body, size: number = gongwen.bodySize, bold = false) =>
  new TextRun({ text, bold, size, font: { ascii: font, eastAsia: font, hAnsi: font } });

/** Width of `text` in 三号 characters: CJK and full-width count one, ASCII half. */
const charWidth = (text: string): number => [...text].reduce((n, c) => n + (c.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);

/**
 * 发文机关署名 and 成文日期 for a sealed document (GB/T 9704 7.3.5.1): the date 右空四字, the name centred on
 * the date.
 */
export function signature(issuer: string, date: string): Paragraph[] {
  const dateRight = 4 * gongwen.char;
  const nameRight = Math.max(0, Math.round(dateRight + ((charWidth(date) - charWidth(issuer)) / 2) * gongwen.char));
  return [
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: gongwen.line, indent: { right: nameRight }, children: [run(issuer)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: gongwen.line, indent: { right: dateRight }, children: [run(date)] }),
  ];
}

function pageFooter(alignment: 'left' | 'right'): Footer {
  const font = gongwen.fonts.pageNumber;
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === 'right' ? { right: gongwen.char } : { left: gongwen.char },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: { ascii: font, eastAsia: font, hAnsi: font } })],
      }),
    ],
  });
}

/** Section properties of a 公文 page; the Document needs `evenAndOddHeaderAndFooters: true` for the even footer. */
export function gongwenSection(children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(20) } } },
    footers: { default: pageFooter('right'), even: pageFooter('left') },
    children,
  };
}

/**
 * Fonts a machine may lack, each with the standard Windows/WPS font that takes its place (w:altName) and the
 * GB2312 character set, so Word and WPS substitute a Chinese face instead of a Latin one.
 */
const fallbacks: [name: string, alt: string, family: string, pitch: string][] = [
  ['方正小标宋简体', '宋体', 'roman', 'variable'],
  ['仿宋_GB2312', '仿宋', 'modern', 'fixed'],
  ['黑体', 'SimHei', 'modern', 'fixed'],
  ['宋体', 'SimSun', 'auto', 'variable'],
];

const fontTable =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  fallbacks.map(([name, alt, family, pitch]) => `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`).join('') +
  '</w:fonts>';

/** The packed document with the font table above in place of the docx package's empty one. */
export function withFontFallbacks(docx: Uint8Array): Buffer {
  const { '[Content_Types].xml': types, ...rest } = unzipSync(docx);
  // The content types first, where tools that sniff the package look for them.
  return Buffer.from(zipSync({ '[Content_Types].xml': types!, ...rest, 'word/fontTable.xml': strToU8(fontTable) }));
}
