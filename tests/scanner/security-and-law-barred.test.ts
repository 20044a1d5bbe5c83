import { beforeAll, describe, expect, it } from 'vitest';
import { createScanner, type Scanner } from '../../electron/core/scanner/index.ts';
import type { CategoryId, Finding } from '../../shared/types.ts';

let scanner: Scanner;
beforeAll(() => {
  scanner = createScanner();
});

const concerns = (text: string, category: CategoryId): Finding[] => scanner.scanText(text).findings.filter((f) => f.category === category && !f.negated && f.score >= 0.5);
const mentions = (text: string, category: CategoryId): Finding[] => scanner.scanText(text).findings.filter((f) => f.category === category && f.negated);

// Drafts written for these tests. Each pair carries the content a law keeps from the public, and a public text that
// names the same rule.
describe('category 8: weak points of public utilities, important targets and protection plans', () => {
  const weakPoints = `关于全市供水供电燃气设施安全状况的排查报告
市委、市政府：
经排查，城东水厂取水口一带存在监控盲区，夜间无人值守；110千伏滨江变电站围墙低矮，存在防护漏洞；北郊燃气门站的安全防护方案尚未落实，应急抢修力量不足。
上述薄弱环节已责成有关单位限期整改。`;

  it('flags a report listing the weak points of named water, power and gas facilities, and withholds it', () => {
    const found = concerns(weakPoints, 8);
    expect(found.length).toBeGreaterThanOrEqual(3);
    const { suggestion } = scanner.scanText(weakPoints);
    expect(suggestion.attribute).toBe('withheld');
    expect(suggestion.basis).toContain('条例第十四条');
    expect(found.some((f) => f.explanation.includes('企业事业单位内部治安保卫条例'))).toBe(true);
  });

  it('reads the same words in a rule, and in a notice telling offices to look for weak points, as mentions', () => {
    const rule = `某某市公用设施安全保护办法
第一条 为加强供水、供电、燃气等公用设施安全保护，制定本办法。
第二条 公用设施运营单位应当制定安全防护方案，定期排查供水、供电设施的薄弱环节和防护漏洞。
第三条 重点目标的管理单位应当制定防范和应对处置恐怖活动的预案。
第四条 关键信息基础设施的运营者应当每年至少进行一次网络安全检测。
第五条 本办法自2025年1月1日起施行。`;
    expect(concerns(rule, 8)).toEqual([]);
    expect(mentions(rule, 8).length).toBeGreaterThanOrEqual(3);
    expect(scanner.scanText(rule).suggestion.attribute).toBe('proactive');
    const notice = '关于做好汛期城市运行安全工作的通知\n各区人民政府，市政府各部门：\n各单位要排查供水、供电、燃气设施的薄弱环节，及时消除隐患。';
    expect(concerns(notice, 8)).toEqual([]);
  });

  it('flags the locations and security arrangements of important targets', () => {
    const plan = '国庆期间重要目标安保部署\n全市确定重点目标32处，其中城西水厂、市电力调度中心由武警中队驻守，巡逻路线见附图，视频监控点位另行下发。';
    const terms = concerns(plan, 8).map((f) => f.term);
    expect(terms).toEqual(expect.arrayContaining(['重点目标', '巡逻路线', '视频监控点位']));
    expect(scanner.scanText(plan).suggestion.attribute).toBe('withheld');
  });
});

describe('category 9: what a law forbids to publish, found where the document carries it', () => {
  it('flags a whistle-blower a law protects when the text identifies the person, not when it names the rule', () => {
    const named = '关于转办实名举报件的函\n区市场监管局：\n举报人赵春梅（手机15867891234）反映某餐馆后厨卫生状况差，请依法调查处理。';
    const identity = concerns(named, 9);
    expect(identity.map((f) => [f.term, f.rule])).toEqual([['举报人', 'signal.identity']]);
    expect(identity[0]!.explanation).toContain('刑事诉讼法');
    expect(scanner.scanText(named).suggestion.attribute).toBe('withheld');

    const anonymised = '关于某化工公司环境违法问题的调查处理情况\n举报人孙某反映某化工公司夜间偷排废水。经现场检查，举报情况属实。';
    expect(concerns(anonymised, 9)).toEqual([]);
    const rule = '第十二条 受理机关应当对举报人的姓名、工作单位、住址等信息予以保密。';
    expect(concerns(rule, 9)).toEqual([]);
  });

  it('flags the identity of a victim in a sexual-offence case and leaves the rule that protects victims alone', () => {
    const report = '关于一起猥亵案件的情况通报\n县教育局：\n经查，猥亵案件被害人张晓丽系某中学学生，已由其监护人陪同接受询问。';
    expect(concerns(report, 9).map((f) => f.rule)).toContain('signal.identity');
    const rule = '办理性侵害案件，应当保护被害人的隐私和个人信息。';
    expect(concerns(rule, 9)).toEqual([]);
  });

  it('counts patients, drug users and offenders under supervision only as persons identified', () => {
    const count = '2024年全区在册严重精神障碍患者1200人，规范管理率96%，社区矫正对象320名均已报到。';
    expect(concerns(count, 9)).toEqual([]);
    expect(scanner.scanText(count).suggestion.attribute).toBe('proactive');
    const named = '经核查，戒毒人员周建军（身份证号330102197001011235）已于上月完成社区康复。';
    expect(concerns(named, 9).map((f) => f.term)).toEqual(['戒毒人员']);
  });

  it('withholds a roster whose title says it lists persons a law protects', () => {
    const roster = '关于报送社区矫正对象花名册的函\n区公安分局：\n现将花名册报送你局。\n1.郝志刚，男，罪名：危险驾驶罪，矫正类别：缓刑。';
    const { suggestion, findings } = scanner.scanText(roster);
    expect(findings.some((f) => f.category === 9 && !f.negated && f.rule === 'signal.header')).toBe(true);
    expect(suggestion.attribute).toBe('withheld');
  });

  it('makes a prose report that names one protected person partial, removing the sentence that names the person', () => {
    const text = `关于2024年第三季度社区卫生工作情况的报告
区卫生健康局：
第三季度，中心完成家庭医生签约服务2300人次，开展健康讲座12场，接种疫苗4100剂次，各项工作按计划推进。
随访中发现，精神障碍患者陈国强（住城东街道幸福里12号）近期未按时服药，已通知其监护人。
下一步，中心将继续做好基本公共卫生服务。`;
    const { suggestion } = scanner.scanText(text);
    expect(suggestion.attribute).toBe('partial');
    expect(suggestion.redactions.some((r) => text.slice(r.start, r.end).includes('陈国强'))).toBe(true);
  });
});
