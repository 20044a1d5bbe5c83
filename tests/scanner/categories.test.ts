import { beforeAll, describe, expect, it } from 'vitest';
import { createScanner, type Scanner } from '../../electron/core/scanner/index.ts';
import type { CategoryId, Finding } from '../../shared/types.ts';
import * as drafts from './drafts.ts';

let scanner: Scanner;
beforeAll(() => {
  scanner = createScanner();
});

const signals = (text: string, category: CategoryId): Finding[] =>
  scanner.scanText(text).findings.filter((f) => f.kind === 'term' && f.category === category && !f.negated && f.score >= 0.5);
const terms = (text: string, category: CategoryId) => signals(text, category).map((f) => f.term);

describe('each category is found in a real draft, with a Chinese explanation and basis', () => {
  it('1: a 密级 line in the 版头 is a state-secret signal of the highest weight', () => {
    const [mark] = signals(drafts.classifiedNotice, 1);
    expect(mark).toMatchObject({ term: '机密★5年', zone: 'header', rule: 'signal.classification', score: 1 });
    expect(mark!.explanation).toMatch(/密级.*条例第十四条/);
  });
  it('1: trade secrets in a bid evaluation and privacy terms in a case file', () => {
    expect(terms(drafts.tenderEvaluation, 1)).toEqual(['报价明细', '成本构成', '技术方案']);
    expect(terms('经查，该职工的病情诊断为抑郁症，其婚姻状况为离异。', 1)).toEqual(['病情', '婚姻状况']);
    expect(terms('经审核，拟将以下人员纳入低保：张建华，家庭人口3人，家庭收入每月800元，患有尿毒症，病情较重。', 1)).toEqual(['家庭收入', '病情']);
  });
  it('2: process information marked as such — 征求意见稿, 讨论稿, 会议纪要, 请示', () => {
    expect(terms(drafts.consultationDraft, 2)).toEqual(['征求意见稿']);
    expect(terms(drafts.discussionDraft, 2)).toEqual(['讨论稿']);
    expect(terms(drafts.meetingMinutes, 2)).toEqual(['会议纪要']);
    expect(terms(drafts.request, 2)).toEqual(['请示', '妥否，请批示']);
  });
  it('3: internal management — 考勤, 内部人事调整, 后勤', () => {
    expect(terms(drafts.internalAttendance, 3)).toContain('考勤');
    expect(terms(drafts.meetingMinutes, 3)).toContain('内部人事调整');
    expect(terms(drafts.discussionDraft, 3)).toContain('后勤管理');
  });
  it('4: information that would have to be compiled', () => {
    expect(terms(drafts.compilationReply, 4)).toEqual(['汇总分析', '统计加工']);
  });
  it('uses words that rules also talk about as signals where the text states facts', () => {
    expect(terms('近期，XX村部分村民因征地补偿问题多次聚集上访，存在引发群体性事件的风险。', 8)).toEqual(['聚集上访', '群体性事件']);
    expect(terms('会议要求对近期考勤情况较差的科室进行通报。', 3)).toEqual(['考勤']);
    expect(terms('王某某同志在试用期间，民主测评优秀率85%，考察材料显示其工作表现良好。', 3)).toEqual(['民主测评', '考察材料']);
  });
  it('5: petitions and reports — 信访人, 信访件, 被投诉人', () => {
    expect(terms(drafts.petitionReply, 5)).toEqual(expect.arrayContaining(['信访人', '信访件', '被投诉人']));
  });
  it('6: archives already transferred', () => {
    expect(terms(drafts.archiveNote, 6)).toEqual(['档案移交', '馆藏档案']);
  });
  it('7: work-secret markings, including 不得外传 which itself contains a prohibition word', () => {
    expect(terms(drafts.workSecretMemo, 7)).toEqual(['内部资料', '注意保管', '仅供内部参考', '不得外传']);
  });
  it('8: stability work — 维稳, 群体性事件, 重点人员, 稳控, 敏感舆情', () => {
    expect(terms(drafts.stabilityPlan, 8)).toEqual(expect.arrayContaining(['维稳', '群体性事件', '重点人员', '稳控', '敏感舆情']));
  });
  it('9: information barred by law — sealed juvenile records', () => {
    expect(terms(drafts.juvenileCase, 9)).toEqual(['涉案未成年人', '张某（15岁', '未成年人犯罪记录']);
  });
  it('explains every finding in Chinese with its basis', () => {
    for (const text of Object.values(drafts)) {
      for (const f of scanner.scanText(text).findings) {
        expect(f.explanation).toMatch(/[\u4e00-\u9fff]/);
        if (!f.negated) expect(f.explanation).toContain('依据');
        expect(f.id).toBe(`${f.rule}:${f.start}`);
      }
    }
  });
});

describe('segmentation confirms each hit', () => {
  it('drops a hit that cuts across jieba tokens (举报人 in 举报人民政府)', () => {
    expect(scanner.scanText('群众可以向上级举报人民政府不作为的行为。').findings.filter((f) => f.term === '举报人')).toEqual([]);
  });
  it('scores a hit inside a longer word lower than a whole-word hit', () => {
    const whole = scanner.scanText('第三季度后勤情况如下。').findings.find((f) => f.term === '后勤')!;
    const part = scanner.scanText('第三季度后勤部情况如下。').findings.find((f) => f.term === '后勤')!;
    expect(part.score).toBeLessThan(whole.score);
  });
});
