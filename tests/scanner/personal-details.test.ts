import { beforeAll, describe, expect, it } from 'vitest';
import { createScanner, type Scanner } from '../../electron/core/scanner/index.ts';

let scanner: Scanner;
beforeAll(() => {
  scanner = createScanner();
});

const details = (text: string) => scanner.scanText(text).findings.filter((f) => f.rule.startsWith('personal.') && !f.negated);

describe('sensitive personal details tied to a person (个人信息保护法第二十八条)', () => {
  it('flags illnesses and disability of people in a relief list, each as its own clause', () => {
    const text = '现将临时救助对象公示如下：\n1. 王某某，城关镇，救助原因：患尿毒症长期透析，家庭生活困难。\n2. 陈秀英，河西乡，救助原因：因车祸致残。';
    expect(details(text).map((f) => [f.rule, f.term])).toEqual([
      ['personal.health', '患尿毒症长期透析'],
      ['personal.disability', '因车祸致残'],
    ]);
    const { suggestion } = scanner.scanText(text);
    expect(suggestion.attribute).toBe('partial');
    expect(suggestion.redactions.map((r) => text.slice(r.start, r.end))).toEqual(['患尿毒症长期透析', '因车祸致残']);
    expect(details(text)[0]!.explanation).toContain('个人信息保护法第二十八条');
  });

  it('flags marital status, criminal record and religion when a person is named or referred to', () => {
    expect(details('1. 田某某，八年级（2）班，主要原因：父母离异，随祖父母生活。').map((f) => f.rule)).toEqual(['personal.marital']);
    expect(details('经核查，李某某系刑满释放人员，现无固定收入。').map((f) => f.rule)).toEqual(['personal.criminal']);
    expect(details('走访中了解到，该户户主信仰天主教，每周参加活动。').map((f) => f.rule)).toEqual(['personal.religion']);
  });

  it('leaves general policy text alone: no person, or a rule about a class of people', () => {
    expect(details('对患有重大疾病的困难群众给予临时救助。')).toEqual([]);
    expect(details('职工因工致残被鉴定为一级至四级伤残的，保留劳动关系，退出工作岗位。')).toEqual([]);
    expect(details('纳税人本人或者其配偶患有重大疾病的，可以按规定扣除医药费用。')).toEqual([]);
    expect(details('对符合条件的残疾儿童少年，按规定统筹安排入学。')).toEqual([]);
  });

  it('reads a condition that something is absent as no detail, and 慢性病 as no 性病', () => {
    expect(details('3.申请人王建国本人无违法犯罪记录，未患有传染病。')).toEqual([]);
    expect(details('经核查，李某某系刑满释放人员，现无固定收入。').map((f) => f.rule)).toEqual(['personal.criminal']);
    expect(details('该户户主张建华患有慢性病，长期服药。').map((f) => f.term)).toEqual(['该户户主张建华患有慢性病']);
    expect(details('对张建华家庭开展常见病、慢性病随访管理。')).toEqual([]);
  });

  it('does not flag a sentence twice when a privacy term already flags it', () => {
    const findings = scanner.scanText('经查，该职工的病情诊断为抑郁症，其婚姻状况为离异。').findings.filter((f) => f.category === 1 && !f.negated);
    expect(findings.map((f) => f.term)).toEqual(['病情', '婚姻状况']);
  });
});
