import { beforeAll, describe, expect, it } from 'vitest';
import { createScanner, type Scanner } from '../../electron/core/scanner/index.ts';
import * as drafts from './drafts.ts';

let scanner: Scanner;
beforeAll(() => {
  scanner = createScanner();
});

describe('suggestion', () => {
  it('withholds a document with a 密级 marking under article 14', () => {
    const { suggestion } = scanner.scanText(drafts.classifiedNotice);
    expect(suggestion.attribute).toBe('withheld');
    expect(suggestion.basis).toContain('条例第十四条');
    expect(suggestion.reasons.join('')).toContain('机密★5年');
  });

  it('makes a 行政处罚决定书 with personal data partial, with the spans to redact', () => {
    const text = drafts.penaltyDecision;
    const { suggestion } = scanner.scanText(text);
    expect(suggestion.attribute).toBe('partial');
    expect(suggestion.basis).toEqual(expect.arrayContaining(['条例第十五条', '条例第三十七条']));
    expect(suggestion.redactions.map((r) => text.slice(r.start, r.end))).toEqual(['王小明', '331021199003071200', '浙江省玉环市玉城街道环城西路88号', '13812345678']);
    expect(suggestion.reasons.join('')).toContain('应依法公示');
  });

  it('warns when the 附注 says 此件公开发布 but findings are unresolved', () => {
    const { suggestion } = scanner.scanText(drafts.penaltyDecision);
    expect(suggestion.warnings.join('')).toMatch(/此件公开发布.*4 处/);
  });

  it('reminds a proactive draft without the 附注 mark to add it', () => {
    const { suggestion } = scanner.scanText('关于开展植树节活动的通知\n各单位：\n请积极参加植树活动。');
    expect(suggestion.attribute).toBe('proactive');
    expect(suggestion.basis).toEqual(['条例第十三条']);
    expect(suggestion.warnings.join('')).toContain('（此件公开发布）');
  });

  it('asks for a reason when the 附注 withholds a document with no finding', () => {
    const { suggestion } = scanner.scanText('关于开展植树节活动的通知\n请积极参加。\n（此件不予公开）');
    expect(suggestion.warnings.join('')).toMatch(/此件不予公开.*理由/);
  });

  it('treats a 征求意见稿 as process information available on request, explaining pre-decision publicity', () => {
    const { suggestion } = scanner.scanText(drafts.consultationDraft);
    expect(suggestion.attribute).toBe('on-request');
    expect(suggestion.basis).toContain('条例第十六条第二款');
    expect(suggestion.reasons.join('')).toContain('决策预公开');
  });

  it('withholds an internal 讨论稿, and releases a routine 请示 to another office on request', () => {
    expect(scanner.scanText(drafts.discussionDraft).suggestion.attribute).toBe('withheld');
    const { suggestion } = scanner.scanText(drafts.request);
    expect(suggestion.attribute).toBe('on-request');
    expect(suggestion.basis).toEqual(['条例第十六条第二款']);
  });

  it('withholds a 签报 to the office’s own leaders as internal deliberation', () => {
    const { suggestion } = scanner.scanText(drafts.request.replace('市财政局：', '局领导：'));
    expect(suggestion.attribute).toBe('withheld');
    expect(suggestion.reasons.join('')).toContain('只在机关内部流转');
  });

  it('maps the other categories to their articles', () => {
    expect(scanner.scanText(drafts.stabilityPlan).suggestion).toMatchObject({ attribute: 'withheld', basis: ['条例第十四条'] });
    // Petitions and compiling are grounds for handling requests (条例第三十九、三十八条), never for a 公文's attribute.
    expect(scanner.scanText(drafts.petitionReply).suggestion.basis).toContain('条例第十五条');
    expect(scanner.scanText(drafts.petitionReply).suggestion.basis).not.toContain('条例第三十九条');
    expect(scanner.scanText(drafts.compilationReply).suggestion).toMatchObject({ attribute: 'on-request', basis: ['条例第二十七条'] });
    expect(scanner.scanText(drafts.tenderEvaluation).suggestion).toMatchObject({ attribute: 'partial' });
    expect(scanner.scanText(drafts.internalAttendance).suggestion.basis).toContain('条例第十六条第一款');
  });
});
