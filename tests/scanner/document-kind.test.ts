import { beforeAll, describe, expect, it } from 'vitest';
import { createScanner, documentFromText, type Scanner } from '../../electron/core/scanner/index.ts';
import { profileDocument } from '../../electron/core/scanner/kind.ts';
import { normalise } from '../../electron/core/scanner/normalise.ts';
import type { Finding } from '../../shared/types.ts';

let scanner: Scanner;
beforeAll(() => {
  scanner = createScanner();
});

/** The profile as the scanner builds it: on normalised text, with each paragraph mapped onto it. */
const kindOf = (text: string) => {
  const doc = documentFromText(text);
  const n = normalise(doc.text);
  const at = (offset: number) => n.origin.findIndex((o) => o >= offset);
  const paragraphs = doc.paragraphs.map((p) => ({ start: at(p.start), end: at(p.end) }));
  return profileDocument(n.text, paragraphs, doc.metadata).kind;
};
const concerns = (text: string): Finding[] => scanner.scanText(text).findings.filter((f) => !f.negated);
const terms = (findings: Finding[]) => findings.map((f) => f.term);

// Short rules written for these tests: each names a category's words the way a public rule does.
const petitionRule = `某某市信访事项办理规定
第一条 为规范信访事项办理，保障信访人合法权益，制定本规定。
第二条 本规定所称信访人，是指采用书信、电话、走访等形式反映情况的公民、法人或者其他组织。
第三条 信访人反映的信访事项涉及多个部门的，由首办部门牵头办理。
第四条 对举报人、控告人的姓名、住址和举报内容应当保密。
第五条 信访人在信访过程中不得扰乱公共秩序。
第六条 本规定自2025年1月1日起施行。`;

const mentalHealthRule = `某某市精神卫生条例
第一条 为了发展精神卫生事业，维护精神障碍患者的合法权益，制定本条例。
第二条 精神障碍患者的教育、劳动、医疗等方面的合法权益受法律保护。
第三条 医疗机构对精神障碍患者实施住院治疗，其监护人可以办理出院手续。
第四条 心理咨询人员应当尊重接受咨询人员的隐私，并为其保守秘密。
第五条 精神障碍患者病情稳定的，社区卫生服务机构开展随访。`;

describe('the kind of a document, from its title, number, addressee and structure', () => {
  it('recognises rules: articles, a rule word ending the title, a 令, a 规 number, a notice issuing a rule', () => {
    expect(kindOf(petitionRule)).toBe('rule');
    expect(kindOf('某某市人民政府令\n第12号\n《某某市停车管理办法》已经市政府常务会议通过，现予公布。')).toBe('rule');
    expect(kindOf('某府办规〔2024〕3号\n各区人民政府：\n现就有关事项通知如下。')).toBe('rule');
    expect(kindOf('某某市人民政府办公室关于印发《某某市公共租赁住房管理办法》的通知\n各区人民政府：\n现印发给你们，请认真贯彻执行。')).toBe('rule');
  });

  it('recognises public policy documents, reports, budgets and statistics', () => {
    expect(kindOf('某某市人民政府关于促进就业工作的若干意见\n一、总体要求\n坚持就业优先。')).toBe('policy');
    expect(kindOf('关于做好夏季防汛工作的通知\n各区人民政府，市政府各部门：\n请做好防汛准备。')).toBe('policy');
    expect(kindOf('某某区人民政府2024年政府信息公开工作年度报告\n一、总体情况\n本年度共收到申请12件。')).toBe('annual-report');
    expect(kindOf('某某区2025年区级部门预算\n预算主管部门：某某区司法局\n一、部门主要职能')).toBe('budget');
    expect(kindOf('某某市2024年国民经济和社会发展统计公报\n全年地区生产总值增长5%。')).toBe('statistics');
  });

  it('gives no kind to an internal notice, a draft or a case report', () => {
    expect(kindOf('关于召开局务会议的通知\n各科室：\n定于周五下午召开局务会议。')).toBeNull();
    expect(kindOf('某某市停车管理办法\n（讨论稿）\n第一条 为规范停车秩序，制定本办法。\n第二条 本办法适用于本市。\n第三条 略。\n第四条 略。\n第五条 略。\n第六条 略。')).toBeNull();
    expect(kindOf('关于一起校园欺凌案件处理情况的通报\n县教育局：\n2024年5月，我所依法查处一起案件。')).toBeNull();
  });

  it('releases a draft published for public comment as a consultation, and keeps an internal draft as process information', () => {
    const released = '关于公开征求《某某市停车管理办法（征求意见稿）》意见的通知\n为提高立法公众参与度，现将征求意见稿全文公布，向社会公开征求意见，2025年3月1日前反馈。';
    expect(kindOf(released)).toBe('consultation');
    expect(kindOf('某某市停车管理办法\n（征求意见稿）\n请各部门于3月1日前反馈书面意见。')).toBeNull();
    const articles = Array.from({ length: 120 }, (_, i) => `第${i + 1}条 略。`).join('\n');
    expect(kindOf(`某某市停车管理条例（草案征求意见稿）\n${articles}\n本草案现向社会公开征求意见，截止日期为2025年3月1日。`)).toBe('consultation');
    expect(kindOf(`某某市停车管理条例（征求意见稿）\n${articles}\n第一百二十一条 社会公众可以对停车设施提出建议。`)).toBeNull();
  });
});

describe('a rule is judged by what it is: words of the categories without particulars are mentions', () => {
  it('reads a petition rule as mentions only, and suggests proactive', () => {
    const result = scanner.scanText(petitionRule);
    expect(terms(result.findings.filter((f) => f.kind === 'term' && !f.negated))).toEqual([]);
    expect(result.suggestion.attribute).toBe('proactive');
  });

  it('reads even a word that is a signal anywhere else (布控) as a mention inside a rule, and only there', () => {
    const rule = '某某市道路交通事故处理程序规定\n第一条 为规范道路交通事故处理程序，制定本规定。\n第二条 发生交通肇事逃逸案件后，公安机关通过缉查布控系统查缉。\n第三条 查获逃逸车辆后撤销布控。\n第四条 略。\n第五条 本规定自公布之日起施行。';
    const found = scanner.scanText(rule).findings.filter((f) => f.term === '布控');
    expect(found.map((f) => [f.negated, f.rule])).toEqual([[true, 'mention.rule-document'], [true, 'mention.rule-document']]);
    const plan = '关于春节期间道路安保工作的部署\n各派出所：\n春节期间在城东收费站设卡布控，查缉逃逸车辆。';
    expect(concerns(plan).some((f) => f.term === '布控')).toBe(true);
  });

  it('keeps the same words as concerns in a case report that names the petitioner', () => {
    const report = '关于王建国信访事项的办理情况报告\n区信访局：\n信访人王建国于2024年3月5日来信反映小区物业问题，信访人称物业公司拒不维修电梯。';
    expect(terms(concerns(report))).toEqual(expect.arrayContaining(['信访人']));
    expect(scanner.scanText(report).suggestion.attribute).toBe('withheld');
  });

  it('does not tie a disease to a person in a health rule, nor read 保守秘密 as a classification marking', () => {
    const result = scanner.scanText(mentalHealthRule);
    expect(result.findings.filter((f) => !f.negated)).toEqual([]);
    expect(result.suggestion.attribute).toBe('proactive');
  });

  it('still flags a rule’s own 密级 or restriction mark in its 版头', () => {
    const result = scanner.scanText(`秘密★1年\n${petitionRule}`);
    expect(result.suggestion.attribute).toBe('withheld');
    expect(concerns(`内部资料 注意保管\n${petitionRule}`).map((f) => f.category)).toContain(7);
    const [title, ...rest] = petitionRule.split('\n');
    const markedBelowTitle = scanner.scanText([title, '内部资料 注意保管', ...rest].join('\n'));
    expect(markedBelowTitle.findings.filter((f) => f.category === 7 && !f.negated).map((f) => f.term)).toEqual(['内部资料', '注意保管']);
    expect(markedBelowTitle.suggestion.attribute).toBe('withheld');
  });

  it('keeps a sentence of a rule that carries particulars: a named person or a dated event', () => {
    const rule = `${petitionRule}\n第七条 2024年3月5日，信访人李秀英在市政府门前聚集，依照本规定处理。`;
    expect(concerns(rule).some((f) => f.term === '信访人')).toBe(true);
  });

  it('treats a period or a commencement date as the rule’s timing, not an event', () => {
    const opinion = '某某市人民政府关于促进就业工作的若干意见\n2025年1月1日至2026年12月31日，对零就业家庭成员在培训期间给予生活费补贴。';
    expect(concerns(opinion)).toEqual([]);
  });
});

describe('public documents whose content the law says must be published', () => {
  it('keeps a policy notice to the governments below proactive although it names 机关食堂', () => {
    const notice = '某某市人民政府办公厅关于印发消费帮扶工作方案的通知\n各区人民政府，市政府各部门：\n组织开展农产品直供机关、学校和企事业单位食堂活动。';
    const { suggestion, findings } = scanner.scanText(notice);
    expect(findings.filter((f) => !f.negated)).toEqual([]);
    expect(suggestion.attribute).toBe('proactive');
  });

  it('reads the row labels of the national annual-report table as labels, not findings', () => {
    const report = `某某区人民政府2024年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
（三）不予公开
1.属于国家秘密\t2\t0\t0\t2
5.属于三类内部事务信息\t1\t0\t0\t1
6.属于四类过程性信息\t3\t0\t0\t3
（五）无法提供
2.没有现成信息需要另行制作\t4\t0\t0\t4`;
    const { suggestion, findings } = scanner.scanText(report);
    expect(findings.filter((f) => !f.negated)).toEqual([]);
    expect(suggestion.attribute).toBe('proactive');
  });

  it('keeps a department budget with its 三公经费 and 公务用车 lines proactive', () => {
    const budget = `某某区2025年区级部门预算
预算主管部门：某某区司法局
（七）“三公”经费：因公出国（境）费、公务用车购置及运行费、公务接待费。
公务用车购置费15万元，公务用车运行费21.56万元，机关事务管理局统一保障。`;
    const { suggestion, findings } = scanner.scanText(budget);
    expect(findings.filter((f) => !f.negated)).toEqual([]);
    expect(suggestion.attribute).toBe('proactive');
  });

  it('publishes a draft released for public consultation, and keeps an unreleased one as process information', () => {
    const released = `关于公开征求《某某市停车管理办法（征求意见稿）》意见的通知
为提高立法公众参与度，现将《某某市停车管理办法（征求意见稿）》全文公布，向社会公开征求意见。
社会公众可以在2025年3月1日前通过电子邮件反馈意见。
附件：某某市停车管理办法（征求意见稿）`;
    expect(scanner.scanText(released).suggestion.attribute).toBe('proactive');
    const internal = '某某市停车管理办法\n（征求意见稿）\n第一条 为规范停车秩序，制定本办法。\n请各部门于3月1日前反馈书面意见。';
    expect(scanner.scanText(internal).suggestion.attribute).not.toBe('proactive');
  });
});

describe('marks that name another document', () => {
  it('does not read a notice forwarding a 请示 as a 请示', () => {
    const text = '国务院办公厅转发国家教委关于内地班扩大规模有关问题请示的通知\n各省、自治区、直辖市人民政府：\n国务院同意国家教委的请示，现转发给你们。\n关于内地班扩大规模有关问题的请示\n国务院：\n现将有关问题请示如下。';
    const { suggestion, findings } = scanner.scanText(text);
    expect(findings.filter((f) => f.category === 2 && !f.negated)).toEqual([]);
    expect(suggestion.attribute).toBe('proactive');
  });

  it('still reads a 请示 as one', () => {
    const text = '某某区教育局关于增设学位的请示\n区人民政府：\n拟新建临时教学楼一幢。\n妥否，请批示。';
    expect(concerns(text).some((f) => f.category === 2)).toBe(true);
  });
});

describe('information that would need compiling is a ground for answering a request only', () => {
  it('ignores 分析加工 where no application is answered', () => {
    const syllabus = '公务员录用考试大纲\n资料分析主要测查报考者对文字、数字、图表等统计性资料的综合理解与分析加工能力。';
    expect(concerns(syllabus).filter((f) => f.category === 4)).toEqual([]);
    expect(scanner.scanText(syllabus).suggestion.attribute).toBe('proactive');
  });

  it('keeps it in the answer to an application', () => {
    const reply = '关于政府信息公开申请的答复\n申请人：\n你申请的信息需要我机关对现有资料进行汇总分析和统计加工后才能形成。';
    expect(terms(concerns(reply).filter((f) => f.category === 4))).toEqual(['汇总分析', '统计加工']);
  });
});
