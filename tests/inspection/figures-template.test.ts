import { describe, expect, it } from 'vitest';
import { annualTemplate, resolveCellKey } from '../../electron/core/inspection/template.ts';
import type { RequestAppealPayload as AppealFiledPayload, RequestAppealResultPayload as AppealDecidedPayload } from '../../electron/core/requests/events.ts';
import { writeAnnualDocx } from '../../electron/core/inspection/export/annual-docx.ts';
import { writeAnnualXlsx } from '../../electron/core/inspection/export/annual-xlsx.ts';
import { allCellKeys, cellKeys, isNaturalPerson, type RequestColumn, type RequestRow } from '../../shared/annual-template.ts';
import { applicantTypes, type ApplicantType, type RequestOutcome } from '../../shared/ipc/inspection.ts';
import { applicantLabels } from '../../shared/messages/inspection.ts';
import { isCaseFile, isRepeal, reportKindOf } from '../../shared/publication-rules.ts';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';

// Whatever the register's applicant columns are, the first is natural persons and the rest are 法人或其他组织.
const natural = applicantTypes.find(isNaturalPerson)!;
const [legalA, legalB] = applicantTypes.filter((t) => !isNaturalPerson(t)) as [ApplicantType, ApplicantType];

interface Entry {
  seq: number;
  time: string;
  action: string;
  documentSha256: string | null;
  payload: string;
}

/** A hand-made audit log: each call appends one entry in chain order. */
function log() {
  const entries: Entry[] = [];
  const push = (action: string, day: string, payload: object, sha: string | null = null) => {
    entries.push({ seq: entries.length + 1, time: `${day}T04:00:00.000Z`, action, documentSha256: sha, payload: JSON.stringify(payload) });
    return entries.length;
  };
  return {
    entries,
    load: (sha: string, day: string, title: string, docNumber: string | null = null, classification: string | null = null) =>
      push('document.load', day, { existing: false, title, docNumber, classification }, sha),
    sign: (sha: string, day: string, attribute: string, categories: number[] = [], basis: string[] = []) =>
      push('decision.sign', day, { statement: 'disclosure-desk/sign-off/v1', documentSha256: sha, docNumber: null, title: null, attribute, categories, basis }, sha),
    kind: (sha: string, day: string, kind: string) => push('publication.kind', day, { kind, reason: '人工认定' }, sha),
    add: (requestId: number, receivedOn: string, applicantType: string) => push('request.add', receivedOn, { requestId, subject: 's', applicantType, channel: 'mail', receivedOn, note: '' }),
    answer: (requestId: number, answeredOn: string, outcome: RequestOutcome) => push('request.answer', answeredOn, { requestId, outcome, answeredOn, finalDue: answeredOn, late: false, note: '' }),
    appeal: (p: AppealFiledPayload) => push('request.appeal', p.filedOn, p),
    result: (p: AppealDecidedPayload) => push('request.appeal.result', p.decidedOn, p),
  };
}

/** Two years of a unit's record, counted by hand in the tests below. */
function fixture() {
  const l = log();
  const s = {} as Record<string, number>;
  // 2024: a 规范性文件 made, later repealed; a reconsideration decided; a lawsuit still open at the year's end.
  l.load('B', '2024-05-01', '关于印发《玉环市停车管理办法》的通知', '玉政办规〔2024〕2号');
  s.signB = l.sign('B', '2024-05-10', 'proactive');
  s.addR1 = l.add(1, '2024-12-20', natural);
  s.addR2 = l.add(2, '2024-11-01', legalA);
  l.appeal({ requestId: 2, appealId: 4, kind: 'reconsideration', filedOn: '2024-03-01', body: '市人民政府', afterReconsideration: false });
  l.result({ requestId: 2, appealId: 4, result: 'other', decidedOn: '2024-06-01' });
  s.appealA3 = l.appeal({ requestId: 1, appealId: 3, kind: 'litigation', filedOn: '2024-10-01', body: '区人民法院', afterReconsideration: false });
  // 2025
  l.load('A', '2025-02-20', '关于印发《玉环市物业管理办法》的通知', '玉政办规〔2025〕1号');
  s.signA = l.sign('A', '2025-03-01', 'proactive');
  l.load('C', '2025-05-20', '关于废止《玉环市停车管理办法》的决定', '玉政办发〔2025〕9号');
  s.signC = l.sign('C', '2025-06-01', 'proactive');
  l.load('D', '2025-03-01', '玉环市公共资源交易管理规定', '玉环市人民政府令第5号');
  s.signD = l.sign('D', '2025-03-10', 'proactive');
  l.load('E', '2025-04-01', '玉环市市场监督管理局行政处罚决定书', '玉市监罚〔2025〕3号');
  s.signE = l.sign('E', '2025-04-02', 'proactive');
  l.load('F', '2025-04-01', '准予行政许可决定书', null);
  l.sign('F', '2025-04-03', 'partial');
  l.load('G', '2025-04-01', '关于查封、扣押涉案财物的决定', null);
  l.sign('G', '2025-04-04', 'proactive');
  l.load('H', '2025-04-01', '关于加强物业服务收费监管的通知', '玉政办发〔2025〕12号');
  s.signH = l.sign('H', '2025-04-05', 'proactive');
  s.kindH = l.kind('H', '2025-04-06', 'normative');
  // Withheld: 14 with a confirmed category-8 finding; a case file under 16(2); 14 with nothing confirmed.
  l.load('W1', '2025-05-01', '关于重点人员稳控工作的通知', null);
  s.signW1 = l.sign('W1', '2025-05-02', 'withheld', [8], ['《中华人民共和国政府信息公开条例》第十四条']);
  l.load('W2', '2025-05-01', '张某违法建设案行政执法案卷', null);
  s.signW2 = l.sign('W2', '2025-05-03', 'withheld', [], ['《中华人民共和国政府信息公开条例》第十六条第二款']);
  l.load('W3', '2025-05-01', '关于某事项的请示', null);
  l.sign('W3', '2025-05-04', 'withheld', [], ['《中华人民共和国政府信息公开条例》第十四条']);
  // Requests: R1 (natural) carried in and granted; R2 (legal A) carried in and still open; R3 refused on 三安全一稳定;
  // R4 (natural) received in December and open; R5 (legal B) partly granted.
  s.answerR1 = l.answer(1, '2025-01-10', 'granted');
  s.addR3 = l.add(3, '2025-03-01', legalA);
  s.answerR3 = l.answer(3, '2025-03-20', 'withheld:security-stability');
  s.addR4 = l.add(4, '2025-12-20', natural);
  s.addR5 = l.add(5, '2025-05-01', legalB);
  l.answer(5, '2025-05-10', 'partial');
  // Appeals on R3: a reconsideration upheld, then a lawsuit after it, undecided; the 2024 lawsuit corrected in February.
  s.appealA1 = l.appeal({ requestId: 3, appealId: 1, kind: 'reconsideration', filedOn: '2025-04-01', body: '市人民政府', afterReconsideration: false });
  s.resultA1 = l.result({ requestId: 3, appealId: 1, result: 'upheld', decidedOn: '2025-06-01' });
  l.appeal({ requestId: 3, appealId: 2, kind: 'litigation', filedOn: '2025-07-01', body: '区人民法院', afterReconsideration: true });
  s.resultA3 = l.result({ requestId: 1, appealId: 3, result: 'corrected', decidedOn: '2025-02-01' });
  return { entries: l.entries, seq: s };
}

const nonZero = (cells: Record<string, number | null>) => Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== 0));
const r = (row: RequestRow, column: RequestColumn = 'total') => cellKeys.request(row, column);

describe('the national template (国办公开办函〔2021〕30号) folded from audit entries', () => {
  it('fills every cell of 2025 as counted by hand, and nothing else', () => {
    const { report } = annualTemplate(2025, fixture().entries);
    expect(nonZero(report.cells)).toEqual({
      // 表二: A and H (kind set by the officer) made; B repealed by C; in force A and H; 规章 D; one decision of each kind; no fee recorded.
      [cellKeys.document('normative', 'made')]: 2,
      [cellKeys.document('normative', 'repealed')]: 1,
      [cellKeys.document('normative', 'inForce')]: 2,
      [cellKeys.document('rule', 'made')]: 1,
      [cellKeys.document('rule', 'inForce')]: 1,
      [cellKeys.decision('penalty')]: 1,
      [cellKeys.decision('licence')]: 1,
      [cellKeys.decision('coercion')]: 1,
      [cellKeys.fee()]: null,
      // 表三: 新收 R3 R4 R5; 上年结转 R1 R2; 办结 R1 R3 R5; 结转下年 R2 R4.
      [r('received')]: 3,
      [r('received', natural)]: 1,
      [r('received', legalA)]: 1,
      [r('received', legalB)]: 1,
      [r('received', 'legal-or-other')]: 2,
      [r('carried-in')]: 2,
      [r('carried-in', natural)]: 1,
      [r('carried-in', legalA)]: 1,
      [r('carried-in', 'legal-or-other')]: 1,
      [r('granted')]: 1,
      [r('granted', natural)]: 1,
      [r('partial')]: 1,
      [r('partial', legalB)]: 1,
      [r('partial', 'legal-or-other')]: 1,
      [r('withheld:security-stability')]: 1,
      [r('withheld:security-stability', legalA)]: 1,
      [r('withheld:security-stability', 'legal-or-other')]: 1,
      [r('answered-total')]: 3,
      [r('answered-total', natural)]: 1,
      [r('answered-total', legalA)]: 1,
      [r('answered-total', legalB)]: 1,
      [r('answered-total', 'legal-or-other')]: 2,
      [r('carried-out')]: 2,
      [r('carried-out', natural)]: 1,
      [r('carried-out', legalA)]: 1,
      [r('carried-out', 'legal-or-other')]: 1,
      // 表四: reconsideration upheld; lawsuit after reconsideration pending; the 2024 direct lawsuit corrected this year.
      [cellKeys.appeal('reconsideration', 'upheld')]: 1,
      [cellKeys.appeal('reconsideration', 'total')]: 1,
      [cellKeys.appeal('after-reconsideration', 'pending')]: 1,
      [cellKeys.appeal('after-reconsideration', 'total')]: 1,
      [cellKeys.appeal('direct', 'corrected')]: 1,
      [cellKeys.appeal('direct', 'total')]: 1,
      // Not part of the template: the withheld 公文 by ground.
      [cellKeys.withheld('security-stability')]: 1,
      [cellKeys.withheld('enforcement-file')]: 1,
      [cellKeys.withheld('article-14-unconfirmed')]: 1,
    });
    expect(report.balanced).toBe(true);
  });

  it('counts 2024 on its own: B made and in force, two requests carried out, one appeal decided and one pending', () => {
    const { report } = annualTemplate(2024, fixture().entries);
    expect(nonZero(report.cells)).toMatchObject({
      [cellKeys.document('normative', 'made')]: 1,
      [cellKeys.document('normative', 'inForce')]: 1,
      [r('received')]: 2,
      [r('carried-out')]: 2,
      [cellKeys.appeal('reconsideration', 'other')]: 1,
      [cellKeys.appeal('direct', 'pending')]: 1,
    });
    expect(report.cells[cellKeys.document('normative', 'repealed')]).toBe(0);
    expect(report.cells[r('carried-in')]).toBe(0);
  });

  it('traces each cell to the entries behind it', () => {
    const { entries, seq } = fixture();
    const { traces } = annualTemplate(2025, entries);
    const seqs = (key: string) => traces.get(key)!.map((e) => e.seq);
    expect(seqs(r('withheld:security-stability'))).toEqual([seq.addR3, seq.answerR3]);
    expect(seqs(r('carried-in'))).toEqual([seq.addR1, seq.addR2, seq.answerR1]);
    expect(seqs(cellKeys.document('normative', 'repealed'))).toEqual([seq.signB, seq.signC]);
    expect(seqs(cellKeys.document('normative', 'made'))).toEqual([seq.signA, seq.signH, seq.kindH]);
    expect(seqs(cellKeys.appeal('direct', 'corrected'))).toEqual([seq.appealA3, seq.resultA3]);
    expect(seqs(cellKeys.withheld('security-stability'))).toEqual([seq.signW1]);
    expect(traces.get(r('carried-in'))![0]!.subject).toContain('#1');
  });

  it('accepts every key the usage describes and refuses others', () => {
    expect(resolveCellKey('二-规范性文件-制发')).toBe(cellKeys.document('normative', 'made'));
    expect(resolveCellKey('三-不予公开-3')).toBe(r('withheld:security-stability'));
    expect(resolveCellKey('三-不予公开-3/总计')).toBe(r('withheld:security-stability'));
    expect(resolveCellKey(`三-新收/${applicantLabels[natural]}`)).toBe(r('received', natural));
    expect(resolveCellKey('四-复议-维持')).toBe(cellKeys.appeal('reconsideration', 'upheld'));
    expect(resolveCellKey('三-不予公开-9')).toBeNull();
    expect(new Set(allCellKeys()).size).toBe(allCellKeys().length);
  });
});

describe('the template exports', () => {
  it('writes .docx with the template headers and the counted values', async () => {
    const { report } = annualTemplate(2025, fixture().entries);
    const { value } = await mammoth.extractRawText({ buffer: await writeAnnualDocx(report, '玉环市民政局') });
    for (const text of ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '行政规范性文件', '本年废止件数', '3.危及“三安全一稳定”', '7.属于行政执法案卷', '复议后起诉', '尚未审结', '未记录', '非年报表格内容']) {
      expect(value).toContain(text);
    }
    expect(value).toContain('玉环市民政局2025年');
  });

  it('writes .xlsx whose cells read back as the report’s numbers', async () => {
    const { report } = annualTemplate(2025, fixture().entries);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await writeAnnualXlsx(report, '玉环市民政局')) as never);
    const rows = (name: RegExp) => {
      const sheet = book.worksheets.find((w) => name.test(w.name))!;
      const out: unknown[][] = [];
      sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const t2 = rows(/主动公开/);
    expect(t2.find((row) => row[0] === '行政规范性文件')).toEqual(['行政规范性文件', 2, 1, 2]);
    expect(t2.find((row) => row[0] === '行政事业性收费')?.[1]).toBe('未记录');
    const t3 = rows(/申请/);
    const received = t3.find((row) => String(row[0]).startsWith('一、'))!;
    expect(received.at(-1)).toBe(3);
    expect(received[1]).toBe(1);
    const t4 = rows(/复议/);
    expect(t4.at(-1)).toEqual([1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1]);
  });
});

describe('the kinds table 二 counts', () => {
  const kind = (title: string, docNumber: string | null = null, override: 'normative' | 'policy' | 'other' | null = null) => reportKindOf({ title, docNumber, header: null }, override);

  it('tells 规章 by their 令 number, enforcement decisions by title, and 规范性文件 by the recognised or corrected kind', () => {
    expect(kind('玉环市公共资源交易管理规定', '玉环市人民政府令第5号')).toBe('rule');
    expect(kind('台州市城市管理规定', '第12号令')).toBe('rule');
    expect(kind('关于印发《玉环市物业管理办法》的通知', '玉政办规〔2025〕1号')).toBe('normative');
    expect(kind('关于印发《玉环市物业管理办法》的通知', '玉政办规〔2025〕1号', 'other')).toBeNull();
    expect(kind('关于加强物业服务收费监管的通知', null, 'normative')).toBe('normative');
    expect(kind('关于加强物业服务收费监管的通知')).toBeNull();
    expect(kind('玉环市市场监督管理局行政处罚决定书')).toBe('penalty');
    expect(kind('准予行政许可决定书')).toBe('licence');
    expect(kind('关于查封、扣押涉案财物的决定')).toBe('coercion');
  });

  it('knows a repeal and a case file when it sees one', () => {
    expect(isRepeal('关于废止《玉环市停车管理办法》的决定')).toBe(true);
    expect(isRepeal('关于宣布失效一批行政规范性文件的决定')).toBe(true);
    expect(isRepeal('关于印发《玉环市停车管理办法》的通知')).toBe(false);
    expect(isCaseFile('张某违法建设案行政执法案卷')).toBe(true);
    expect(isCaseFile('玉环市市场监督管理局行政处罚决定书')).toBe(true);
    expect(isCaseFile('关于某事项的请示')).toBe(false);
  });
});
