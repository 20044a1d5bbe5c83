import { beforeAll, describe, expect, it } from 'vitest';
import { createScanner, type Scanner } from '../../electron/core/scanner/index.ts';

let scanner: Scanner;
beforeAll(() => {
  scanner = createScanner();
});

const penalty = (evidence: string) => `行政处罚决定书
当事人：李明华，身份证号：110105199003071239，住址：玉林市玉州区人民东路88号。
经查，当事人在其经营的便利店内销售超过保质期的食品。${evidence}
本局决定对当事人罚款人民币五万元。`;

describe('the document-level suggestion follows the document, not an isolated word', () => {
  it('lowers an internal-affairs word that is cited as evidence or belongs to the party, and keeps it visible', () => {
    for (const evidence of ['上述事实有现场检查笔录、店员考勤记录等证据证实。', '经调取该公司员工考勤表，查明其延长工作时间。']) {
      const found = scanner.scanText(penalty(evidence)).findings.find((f) => f.term === '考勤')!;
      expect(found).toMatchObject({ negated: false, category: 3 });
      expect(found.rule).toMatch(/^context\./);
      expect(found.score).toBeLessThan(0.5);
    }
  });

  it('does not lower the same word about the office itself', () => {
    const found = scanner.scanText('经调取局机关工作人员考勤记录，10月份共有5人次迟到。').findings.find((f) => f.term === '考勤')!;
    expect(found.rule).toBe('signal.content');
  });

  it('makes a public decision with personal data partial despite one internal-affairs word, and names the word to check', () => {
    const { suggestion } = scanner.scanText(penalty('其员工出勤情况另行核查。'));
    expect(suggestion.attribute).toBe('partial');
    expect(suggestion.reasons.at(-1)).toMatch(/个别用语.*不据此决定全文属性.*“出勤”/);
  });

  it('suggests on request, never withheld, when one isolated word is all there is', () => {
    const { suggestion } = scanner.scanText('关于召开局务会议的通知\n各科室：\n定于周五下午召开局务会议，听取机关食堂承包合同续签情况汇报。');
    expect(suggestion.attribute).toBe('on-request');
  });

  it('lets several independent signals of one category decide, and says so', () => {
    const { suggestion } = scanner.scanText('关于近期工作情况的通报\n各科室：\n10月份局机关有2人次无故缺勤，1人连续两日未打卡且未履行请假手续。');
    expect(suggestion.attribute).toBe('on-request');
    expect(suggestion.basis).toEqual(['条例第十六条第一款']);
    expect(suggestion.reasons[0]).toContain('相互独立的同类提示');
  });

  it('lets the title decide: an attendance bulletin is internal affairs', () => {
    const { suggestion } = scanner.scanText('关于10月份机关考勤情况的通报\n各科室：\n现将有关情况通报如下。');
    expect(suggestion.reasons[0]).toContain('标题、版头');
    expect(suggestion.basis).toContain('条例第十六条第一款');
  });
});

describe('petitions and reports', () => {
  const handling = '关于某化工公司环境违法问题的调查处理情况\n举报人孙某反映某化工公司夜间偷排废水。经现场检查，举报情况属实，我局已依法立案查处。';

  it('does not withhold a handling result whose reporter is anonymised, and asks to check for identifying details', () => {
    const { suggestion, findings } = scanner.scanText(handling);
    expect(findings.some((f) => f.category === 5 && f.term === '举报人' && !f.negated)).toBe(true);
    expect(suggestion.attribute).toBe('proactive');
    expect(suggestion.reasons.join('')).toMatch(/已匿名，可以公开/);
  });

  it('withholds when the reporter is named', () => {
    const { suggestion } = scanner.scanText(handling.replace('举报人孙某', '举报人孙立新'));
    expect(suggestion.attribute).toBe('withheld');
    expect(suggestion.basis).toContain('条例第三十九条');
  });

  it('withholds a petition document that says what it is in its title', () => {
    expect(scanner.scanText('信访事项处理意见书\n你反映的问题已转有关部门办理。').suggestion.attribute).toBe('withheld');
  });
});

describe('petition statistics', () => {
  it('lowers petition words inside counts and rates, which name no case or person', () => {
    const { findings, suggestion } = scanner.scanText('关于2024年度信访工作情况的报告\n2024年，全局共受理信访件320件，按期办结率98%。');
    expect(findings.find((f) => f.term === '信访件')).toMatchObject({ rule: 'context.statistics', negated: false });
    expect(suggestion.attribute).toBe('proactive');
    expect(scanner.scanText('信访人王建国于3月5日来信反映3件事项。').suggestion.attribute).toBe('withheld');
  });
});
