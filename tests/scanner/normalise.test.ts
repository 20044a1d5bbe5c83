import { beforeAll, describe, expect, it } from 'vitest';
import { createScanner, type Scanner } from '../../electron/core/scanner/index.ts';
import { normalise, toOriginal } from '../../electron/core/scanner/normalise.ts';
import type { ExtractedDocument } from '../../shared/types.ts';

let scanner: Scanner;
beforeAll(() => {
  scanner = createScanner();
});

describe('normalisation maps every offset back to the original text', () => {
  it('converts traditional to simplified and full-width to half-width without changing length', () => {
    const n = normalise('會議紀要：ＡＢＣ１２３');
    expect(n.text).toBe('会议纪要:ABC123');
    expect(toOriginal(n, 5, 8)).toEqual({ start: 5, end: 8 });
  });
  it('maps Kangxi radicals from PDF text layers to the unified characters', () => {
    expect(normalise('⼯作秘密').text).toBe('工作秘密');
  });
  it('removes spaces and line breaks between Han characters, keeping them elsewhere', () => {
    const n = normalise('征 求 意\n见稿 2023 年');
    expect(n.text).toBe('征求意见稿 2023 年');
    expect(toOriginal(n, 0, 5)).toEqual({ start: 0, end: 8 });
  });
  it('finds a term in traditional text and reports the traditional span', () => {
    const text = '附件：各投標單位的報價明細。';
    const finding = scanner.scanText(text).findings.find((f) => f.category === 1)!;
    expect(finding.term).toBe('報價明細');
    expect(text.slice(finding.start, finding.end)).toBe('報價明細');
  });
  it('finds full-width digits of an ID number and reports the original span', () => {
    const text = '身份证号码：３３１０２１１９９００３０７１２００。';
    const finding = scanner.scanText(text).findings.find((f) => f.piiType === 'id-card')!;
    expect(text.slice(finding.start, finding.end)).toBe('３３１０２１１９９００３０７１２００');
  });
  it('finds a term that PDF extraction broke with spaces and a line break, with the page of its paragraph', () => {
    const text = '第一段。\n本材料为内 部\n资料，请妥善保管。';
    const doc: ExtractedDocument = {
      fileName: 'x.pdf', format: 'pdf', sha256: '', byteSize: 0, text, pageCount: 2, charCount: text.length, warnings: [],
      paragraphs: [
        { start: 0, end: 4, page: 1, zone: 'body', kind: 'paragraph' },
        { start: 5, end: text.length, page: 2, zone: 'body', kind: 'paragraph' },
      ],
      metadata: {
        copyNumber: null, classification: null, urgency: null, issuerMark: null, docNumber: null, docNumberRaw: null, signer: null, title: null,
        addressee: null, attachments: [], issuer: null, date: null, dateRaw: null, note: null, cc: null, printedBy: null, printedDate: null,
      },
    };
    const finding = scanner.scan(doc).findings.find((f) => f.category === 7)!;
    expect(text.slice(finding.start, finding.end)).toBe('内 部\n资料');
    expect(finding.page).toBe(2);
    expect(finding.negated).toBe(false);
  });
});
