import { describe, expect, it } from 'vitest';
import { documentDetail, listDocuments } from '../../electron/core/register/documents.ts';
import { unpackDocument } from '../../shared/ipc/records.ts';
import { loadDocument } from '../../electron/core/register/documents.ts';
import { writeSettings } from '../../electron/core/workflow/settings.ts';
import { extracted, finding, loadSample, makeTeam, openTestRecords, sampleText, scanned } from './helpers.ts';

describe('documents register', () => {
  it('stores hash, metadata, text, findings and lexicon version, and finds the entry again for identical bytes', () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const first = loadSample(ctx, team.drafter, sampleText, { docNumber: '玉政罚〔2025〕3号', title: '关于张三行政处罚的决定', date: '2025-03-01' });
    expect(first.outcome.existing).toBe(false);
    const again = loadSample(ctx, team.drafter, sampleText, { docNumber: '玉政罚〔2025〕3号' });
    expect(again.outcome).toMatchObject({ existing: true, documentId: first.outcome.documentId });
    const detail = unpackDocument(documentDetail(ctx, team.drafter, first.outcome.documentId));
    expect(detail).toMatchObject({ sha256: first.doc.sha256, docNumber: '玉政罚〔2025〕3号', year: 2025, text: sampleText, lexiconVersion: 'test-lexicon-1', state: 'undecided', suggestedAttribute: 'partial' });
    expect(detail.findings).toEqual(first.findings);
    expect(detail.findingCounts).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(detail.actions).toEqual(['draft']);
    expect(detail.history.map((e) => [e.action, (e.payload as { existing?: boolean }).existing])).toEqual([
      ['document.load', false],
      ['document.scan', undefined],
      ['document.load', true],
    ]);
    expect(listDocuments(ctx, {}).total).toBe(1);
  });

  it('links a new version with the same 发文字号 (or the same title) to the earlier one as a revision', () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const v1 = loadSample(ctx, team.drafter, '征求意见稿\n第一稿正文', { docNumber: '玉政办发〔2025〕9号', title: '办法' });
    const v2 = loadSample(ctx, team.drafter, '第二稿正文', { docNumber: '玉政办发〔2025〕9号', title: '办法（修改）' });
    const v3 = loadSample(ctx, team.drafter, '第三稿正文', { docNumber: null, title: '办法（修改）' });
    const unrelated = loadSample(ctx, team.drafter, '无关文件', { docNumber: '玉政办发〔2025〕10号', title: '办法' });
    expect(v2.outcome.revisionOf).toBe(v1.outcome.documentId);
    expect(v3.outcome.revisionOf).toBe(v2.outcome.documentId);
    expect(unrelated.outcome.revisionOf).toBeNull();
    const detail = documentDetail(ctx, team.drafter, v2.outcome.documentId);
    expect(detail.revisions.map((r) => [r.id, r.relation])).toEqual([
      [v1.outcome.documentId, 'earlier'],
      [v3.outcome.documentId, 'later'],
    ]);
  });

  it('keeps only hash, metadata and findings of a classified draft, and logs the warning', () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const classification = { level: '秘密' as const, period: '1年', raw: '秘密★1年' };
    const text = '秘密★1年\n关于某项目的请示\n身份证号110101199003071234';
    const { outcome } = loadSample(ctx, team.drafter, text, { classification, title: '关于某项目的请示' });
    expect(outcome.classifiedWarning).toContain('涉密计算机');
    const detail = unpackDocument(documentDetail(ctx, team.drafter, outcome.documentId));
    expect(detail).toMatchObject({ text: null, classification: '秘密', title: '关于某项目的请示' });
    expect(detail.findings).toHaveLength(1);
    const warning = detail.history.find((e) => e.action === 'classified.warning');
    expect(warning?.payload).toMatchObject({ level: '秘密', textStored: false });
    expect(listDocuments(ctx, { query: '身份证号' }).total).toBe(0);
  });

  it('keeps the text of a classified draft when an admin declared this computer approved', () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    ctx.store.write(() => writeSettings(ctx.store, { classifiedMachineApproved: true }));
    const text = '机密★5年\n关于某项目的请示';
    const { outcome } = loadSample(ctx, team.drafter, text, { classification: { level: '机密', period: '5年', raw: '机密★5年' } });
    expect(outcome.classifiedWarning).toContain('本机已由管理员声明为涉密计算机');
    expect(unpackDocument(documentDetail(ctx, team.drafter, outcome.documentId)).text).toBe(text);
  });

  it('filters by state, attribute, year, category and full text, sorts, and pages with a total', () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    for (let i = 0; i < 25; i++) {
      const text = `关于第${i}批项目资金的通知\n${i % 5 === 0 ? '请示事项：征求意见稿' : '正文内容'}${i}`;
      const doc = extracted(text, { title: `关于第${i}批项目资金的通知`, date: `${2020 + (i % 3)}-05-0${1 + (i % 9)}` });
      const findings = i % 5 === 0 ? [finding(text, '征求意见稿', { id: `t:${i}`, category: 2, kind: 'term', piiType: null, rule: 'process' })] : [];
      loadDocument(ctx, team.drafter, doc, scanned(findings));
    }
    expect(listDocuments(ctx, {}).total).toBe(25);
    expect(listDocuments(ctx, { year: 2021 }).total).toBe(8);
    expect(listDocuments(ctx, { category: 2 }).total).toBe(5);
    expect(listDocuments(ctx, { query: '征求意见稿' }).total).toBe(5);
    expect(listDocuments(ctx, { query: '第12批' }).rows.map((r) => r.title)).toEqual(['关于第12批项目资金的通知']);
    expect(listDocuments(ctx, { query: '请示' }).total).toBe(5);
    expect(listDocuments(ctx, { state: 'undecided', attribute: 'proactive' }).total).toBe(0);
    const page = listDocuments(ctx, { sort: 'date', direction: 'asc', offset: 5, limit: 5 });
    expect(page.total).toBe(25);
    expect(page.rows).toHaveLength(5);
    const dates = listDocuments(ctx, { sort: 'date', direction: 'asc', limit: 25 }).rows.map((r) => r.date!);
    expect(dates).toEqual([...dates].sort());
  });
});
