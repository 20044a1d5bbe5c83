import { describe, expect, it } from 'vitest';
import { packContent, unpackContent, type DocumentContent } from '../../shared/ipc/document-content.ts';
import { documentDetail } from '../../electron/core/register/documents.ts';
import { loadDocument } from '../../electron/core/register/documents.ts';
import { unpackDocument } from '../../shared/ipc/records.ts';
import { extracted, finding, makeTeam, openTestRecords, scanned } from './helpers.ts';

const text = '关于王建国的通知\n联系人王建国，电话13907751234，身份证号110101199003071234。\n不得泄露国家秘密。';

function content(): DocumentContent {
  return {
    text,
    paragraphs: [
      { start: 0, end: 8, page: 1, zone: 'header', kind: 'title' },
      { start: 9, end: 60, page: 1, zone: 'body', kind: 'paragraph' },
      { start: 61, end: 70, page: 2, zone: 'footer', kind: 'footnote' },
    ],
    findings: [
      finding(text, '王建国', { rule: 'pii.name', id: 'pii.name:2', piiType: 'name', score: 0.2, explanation: '姓名（如 王**）', basis: ['条例第十五条', '个人信息保护法第二十八条'] }),
      finding(text, '13907751234', { rule: 'pii.mobile', id: `pii.mobile:${text.indexOf('13907751234')}`, piiType: 'mobile', score: 0.75, page: 1, basis: ['条例第十五条', '个人信息保护法第二十八条'] }),
      finding(text, '110101199003071234', { page: 1 }),
      finding(text, '国家秘密', { id: 'custom-id', rule: 'lexicon.secret', kind: 'term', piiType: null, category: 2, negated: true, zone: 'footer', page: 2, score: 0.125, explanation: '规范性表述', basis: [] }),
    ],
    suggestion: { attribute: 'partial', reasons: ['含有个人信息'], basis: ['条例第十五条'], redactions: [{ start: 25, end: 36 }], warnings: ['附注缺少“此件公开发布”'] },
  };
}

describe('packed document content', () => {
  it('unpacks to exactly the findings, paragraphs, text and suggestion that were packed, ids of any form included', () => {
    const original = content();
    const unpacked = unpackContent(packContent(original));
    expect(unpacked).toEqual(original);
    expect(unpacked.findings.map((f) => f.id)).toEqual(['pii.name:2', original.findings[1]!.id, original.findings[2]!.id, 'custom-id']);
  });

  it('keeps a withheld text as null', () => {
    expect(unpackContent(packContent({ ...content(), text: null })).text).toBeNull();
  });

  it('stores each repeated explanation once, so a long document crosses IPC in a fraction of its JSON size', () => {
    const many = content();
    const base = many.findings[2]!;
    many.findings = Array.from({ length: 2000 }, (_, i) => ({ ...base, id: `${base.rule}:${i * 20}`, start: i * 20, end: i * 20 + 18, explanation: '身份证号码：18位居民身份证号码，出生日期和校验码均有效。依据：条例第十五条。' }));
    const packed = packContent(many);
    expect(packed.length).toBeLessThan(JSON.stringify(many).length / 4);
    expect(unpackContent(packed)).toEqual(many);
  });

  it('answers the same document detail twice from the cached content', () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const doc = extracted(text);
    const findings = [finding(text, '110101199003071234')];
    const { documentId } = loadDocument(ctx, team.drafter, doc, scanned(findings));
    const first = documentDetail(ctx, team.drafter, documentId);
    const second = documentDetail(ctx, team.drafter, documentId);
    expect(second.content).toBe(first.content);
    expect(unpackDocument(second)).toMatchObject({ text, findings, paragraphs: doc.paragraphs });
  });
});
