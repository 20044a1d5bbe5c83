import { describe, expect, it } from 'vitest';
import { defaultCalendar, workdayCalendar } from '../../shared/workdays.ts';
import {
  interpretationDue,
  isEnforcementDecision,
  lacksInterpretation,
  publicationDeadline,
  publicationStatus,
  recogniseKind,
  timelinessByYear,
} from '../../shared/publication-rules.ts';

const official = workdayCalendar(defaultCalendar);
const weekendsOnly = workdayCalendar({ holidays: [], workingWeekends: [] });
const notice = '关于开展秋季防火检查的通知';

describe('publication deadline', () => {
  it('counts 20 working days across 中秋 and 国庆 2026, with the 调休 Sunday 09-20 and Saturday 10-10 worked', () => {
    // From Friday 09-18: 09-20 (1), 09-21..09-24 (5), 09-25..27 off, 09-28..09-30 (8), 10-01..07 off,
    // 10-08 (9), 10-09 (10), Saturday 10-10 (11), 10-12..10-16 (16), 10-19..10-22 (20).
    expect(publicationDeadline({ docDate: '2026-09-17', signedOn: '2026-09-18', title: notice, workingDays: 20 }, official)).toEqual({ from: '2026-09-18', workingDays: 20, enforcement: false, due: '2026-10-22' });
  });

  it('skips weekends and does not count the day the information was formed', () => {
    // Friday 2025-03-07: Monday 03-10 is the first working day, Tuesday 03-18 the seventh.
    expect(publicationDeadline({ docDate: null, signedOn: '2025-03-07', title: notice, workingDays: 7 }, weekendsOnly).due).toBe('2025-03-18');
  });

  it('gives 行政处罚 and 行政许可 decisions 7 working days whatever the unit setting', () => {
    expect(publicationDeadline({ docDate: '2026-09-18', signedOn: '2026-09-18', title: '关于王五行政处罚的决定', workingDays: 20 }, official)).toMatchObject({ workingDays: 7, enforcement: true, due: '2026-09-29' });
    expect(publicationDeadline({ docDate: null, signedOn: '2026-09-18', title: '准予行政许可决定书', workingDays: 20 }, official).workingDays).toBe(7);
    // A unit rule stricter than seven days applies to them too.
    expect(publicationDeadline({ docDate: null, signedOn: '2026-09-18', title: '行政处罚决定书', workingDays: 5 }, official).workingDays).toBe(5);
  });

  it('starts from the later of 成文日期 and sign-off', () => {
    expect(publicationDeadline({ docDate: '2026-09-24', signedOn: '2026-09-18', title: notice, workingDays: 10 }, official)).toMatchObject({ from: '2026-09-24', due: '2026-10-15' });
    expect(publicationDeadline({ docDate: '2026-09-01', signedOn: '2026-09-18', title: notice, workingDays: 10 }, official)).toMatchObject({ from: '2026-09-18', due: '2026-10-09' });
  });

  it('wants the 解读 within 3 working days of the policy document, across the Spring Festival of 2026', () => {
    // 2026-02-13 Friday; Saturday 02-14 worked, 02-15..02-23 off.
    expect(interpretationDue('2026-02-13', official)).toBe('2026-02-25');
    expect(interpretationDue('2026-03-02', official)).toBe('2026-03-05');
  });
});

describe('statuses and on-time rate', () => {
  it('is due until its last day, overdue the day after, and on time when released on the last day', () => {
    expect(publicationStatus('2026-10-22', null, '2026-10-22')).toEqual({ status: 'due', onTime: null });
    expect(publicationStatus('2026-10-22', null, '2026-10-23')).toEqual({ status: 'overdue', onTime: null });
    expect(publicationStatus('2026-10-22', '2026-10-22', '2026-12-01')).toEqual({ status: 'published', onTime: true });
    expect(publicationStatus('2026-10-22', '2026-10-23', '2026-12-01')).toEqual({ status: 'published', onTime: false });
  });

  it('rates on time over everything whose deadline has run, per year of formation', () => {
    const years = timelinessByYear([
      { from: '2026-01-05', status: 'published', onTime: true },
      { from: '2026-03-05', status: 'published', onTime: false },
      { from: '2026-04-05', status: 'overdue', onTime: null },
      { from: '2026-12-20', status: 'due', onTime: null },
      { from: '2025-06-01', status: 'published', onTime: true },
      { from: '2024-06-01', status: 'due', onTime: null },
    ]);
    expect(years.map((y) => y.year)).toEqual([2026, 2025, 2024]);
    expect(years[0]).toMatchObject({ published: 2, onTime: 1, late: 1, overdue: 1, due: 1, onTimeRate: 1 / 3 });
    expect(years[1]!.onTimeRate).toBe(1);
    expect(years[2]!.onTimeRate).toBeNull();
  });
});

describe('document kind', () => {
  it('recognises 规范性文件 from a 规 number, the 版头 or a rule title', () => {
    expect(recogniseKind({ title: '关于做好城市绿化工作的通知', docNumber: '穗府办规〔2021〕7号', header: null })).toBe('normative');
    expect(recogniseKind({ title: '关于做好城市绿化工作的通知', docNumber: '测政发〔2026〕1号', header: '测试市人民政府规范性文件' })).toBe('normative');
    expect(recogniseKind({ title: '关于印发《测试市物业管理办法（试行）》的通知', docNumber: null, header: null })).toBe('normative');
    expect(recogniseKind({ title: '测试市居住证实施细则', docNumber: null, header: null })).toBe('normative');
  });

  it('recognises 政策文件 from a policy title, and leaves other 公文 and review opinions alone', () => {
    expect(recogniseKind({ title: '关于促进民营经济发展的若干措施', docNumber: null, header: null })).toBe('policy');
    expect(recogniseKind({ title: '关于加快数字经济发展的实施意见', docNumber: null, header: null })).toBe('policy');
    expect(recogniseKind({ title: '关于印发《测试市乡村振兴三年行动方案》的通知', docNumber: null, header: null })).toBe('policy');
    expect(recogniseKind({ title: notice, docNumber: '测政发〔2026〕1号', header: '测试市人民政府文件' })).toBe('other');
    expect(recogniseKind({ title: '关于某项目的审查意见', docNumber: null, header: null })).toBe('other');
  });

  it('tells 行政处罚 and 行政许可 decisions from other decisions', () => {
    expect(isEnforcementDecision('关于王五行政处罚的决定')).toBe(true);
    expect(isEnforcementDecision('行政许可决定书')).toBe(true);
    expect(isEnforcementDecision('关于表彰先进集体的决定')).toBe(false);
  });

  it('finds a policy document without a 解读 or a reason lacking, and no other document', () => {
    expect(lacksInterpretation('policy', null, [])).toBe(true);
    expect(lacksInterpretation('normative', null, ['考核细则'])).toBe(true);
    expect(lacksInterpretation('policy', { documentId: 3, reason: null }, [])).toBe(false);
    expect(lacksInterpretation('normative', { documentId: null, reason: '内容简单，无需解读' }, [])).toBe(false);
    expect(lacksInterpretation('normative', null, ['《某某办法》政策解读'])).toBe(false);
    expect(lacksInterpretation('other', null, [])).toBe(false);
  });
});
