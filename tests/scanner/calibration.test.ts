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
    expect(suggestion.basis).toContain('条例第十五条');
    expect(suggestion.basis).not.toContain('条例第三十九条');
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

describe('personal data that can be redacted makes a document partial; withholding the whole needs a whole-document reason', () => {
  const publicity = `某某县民政局关于2024年第三季度临时救助对象的公示
根据《社会救助暂行办法》，经个人申请、乡镇审核、县民政局审批，现将第三季度临时救助对象公示如下：
序号\t姓名\t身份证号码\t家庭住址\t救助原因\t救助金额（元）
1\t王秀兰\t330102196503071233\t城关镇东街12号\t家庭生活困难\t3000
2\t李建国\t330102197001011235\t河西乡李家村5组\t房屋受灾\t2000
3\t张桂英\t330102195809091232\t城关镇西街8号\t精神障碍患者，家庭生活困难\t1500
公示期为7天。如有异议，请拨打监督电话0775-2821234。`;

  it('makes an assistance 公示 with full ID numbers partial, the IDs redacted', () => {
    const { suggestion } = scanner.scanText(publicity);
    expect(suggestion.attribute).toBe('partial');
    const redacted = suggestion.redactions.map((r) => publicity.slice(r.start, r.end)).join('|');
    for (const id of ['330102196503071233', '330102197001011235', '330102195809091232']) expect(redacted).toContain(id);
  });

  it('removes a protected person’s row detail from a list instead of withholding the list', () => {
    const { suggestion, findings } = scanner.scanText(publicity);
    expect(findings.some((f) => f.category === 9 && !f.negated)).toBe(true);
    expect(suggestion.attribute).toBe('partial');
    expect(suggestion.redactions.some((r) => publicity.slice(r.start, r.end).includes('精神障碍患者'))).toBe(true);
  });

  it('still withholds a case narrated in prose about a juvenile offender', () => {
    const report = '关于一起校园欺凌案件处理情况的通报\n县教育局：\n2024年5月，我所依法查处一起殴打他人案件，违法行为人孙某（男，14周岁）已被依法处理。鉴于违法行为人系未成年人，其违法犯罪记录应当依法封存。';
    expect(scanner.scanText(report).suggestion.attribute).toBe('withheld');
  });

  it('makes a bid-evaluation report with one ID and a few trade-secret figures partial', () => {
    const report = `某某医院信息化建设项目评标报告
评标委员会于2024年6月3日完成评审，现将评审情况报告如下：
一、开标记录：甲信息技术有限公司投标总价3,468,000元；乙医疗科技股份有限公司投标总价3,192,500元。
二、详细评审：甲公司项目负责人周明（身份证号330106198203153215）具有高级工程师职称。甲公司报价明细中人工费占比偏低，成本构成中材料费低于市场价15%。
三、推荐意见：推荐甲信息技术有限公司为第一中标候选人。`;
    const { suggestion } = scanner.scanText(report);
    expect(suggestion.attribute).toBe('partial');
    expect(suggestion.basis).toEqual(expect.arrayContaining(['条例第十五条', '条例第三十七条']));
  });

  it('keeps a budget notice with 三公经费 and 公务用车 figures proactive despite the word 食堂', () => {
    const notice = `某某区财政局关于公开2025年区级部门预算和“三公”经费预算的通知
各街道办事处，区政府各部门：
根据《中华人民共和国预算法》第十四条，现将2025年区级部门预算和“三公”经费预算公开如下。
2025年区级“三公”经费财政拨款预算合计1260万元，其中：因公出国（境）费120万元，公务用车购置及运行费680万元（公务用车购置费150万元，公务用车运行费530万元），公务接待费460万元。
机关食堂运行经费纳入机关运行经费统一管理。`;
    const { suggestion, findings } = scanner.scanText(notice);
    expect(findings.filter((f) => !f.negated && f.kind === 'term')).toEqual([]);
    expect(suggestion.attribute).toBe('proactive');
  });
});
