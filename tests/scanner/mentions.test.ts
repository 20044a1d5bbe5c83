import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createScanner, type Scanner } from '../../electron/core/scanner/index.ts';
import { requireKit } from '../helpers/kit.ts';

const seedsDir = requireKit('seeds');
const seeds = seedsDir ? fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort() : [];

let scanner: Scanner;
beforeAll(() => {
  scanner = createScanner();
});

describe('public rules that name the categories are not concerns', () => {
  it.runIf(!!seedsDir).each(seeds)('seed %s comes out proactive with every term finding negated', (name) => {
    const result = scanner.scanText(fs.readFileSync(path.join(seedsDir!, name), 'utf8'));
    expect(result.suggestion.attribute).toBe('proactive');
    expect(result.findings.filter((f) => f.kind === 'term' && !f.negated)).toEqual([]);
  });

  it('reads a compilation of public rules (条例, 信访工作条例, 保密法, 档案规定) as mentions only', () => {
    const text = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/scanner/public-rules.txt'), 'utf8');
    const result = scanner.scanText(text);
    expect(result.findings.filter((f) => f.kind === 'term' && !f.negated).map((f) => f.term)).toEqual([]);
    expect(result.suggestion.attribute).toBe('proactive');
    expect(result.findings.some((f) => f.rule === 'mention.normative')).toBe(true);
  });

  const mentions: [string, string, string][] = [
    ['涉及国家秘密、商业秘密、个人隐私的除外。', '国家秘密', 'mention.list'],
    ['行政机关不得公开个人隐私。', '个人隐私', 'mention.prohibition'],
    ['受理机关应当依法保护举报人。', '举报人', 'mention.protection'],
    ['对举报人的姓名、单位和住址应当保密。', '举报人', 'mention.duty'],
    ['除涉及商业秘密外，原则上应当全文公开。', '商业秘密', 'mention.exception'],
    ['属于过程性信息的，按有关规定处理。', '过程性信息', 'mention.scope'],
    ['本办法所称工作秘密，是指机关在公务活动中产生的不属于国家秘密的事项。', '工作秘密', 'mention.definition'],
    ['起草部门应在请示正文部分对公开属性提出明确建议。', '请示', 'mention.reference'],
    ['下列事项不予公开：\n（一）工作秘密；\n（二）档案信息；', '档案信息', 'mention.list'],
    ['现将《群体性事件预防和处置工作指引》转发给你们。', '群体性事件', 'mention.citation'],
    ['严禁泄露群体性事件处置中的工作部署。', '群体性事件', 'mention.prohibition'],
    ['信访人对信访事项处理意见不服的，可以请求复查。', '信访人', 'mention.normative'],
    ['各单位要加强考勤管理。', '考勤', 'mention.normative'],
    ['（三）近3年内无重大违法、犯罪记录，未被列入严重违法失信名单。', '犯罪记录', 'mention.absence'],
    ['年末全县金融机构人民币各项存款余额346.7亿元，比年初增加38.1亿元。', '存款余额', 'mention.aggregate'],
    ['需隐去的内容包括：当事人病情、家庭成员情况和宗教信仰。', '病情', 'mention.redaction-list'],
  ];
  it.each(mentions)('%s → “%s” is negated by %s', (text, term, rule) => {
    const finding = scanner.scanText(text).findings.find((f) => f.term === term);
    expect(finding).toMatchObject({ negated: true, rule });
    expect(finding!.score).toBeLessThan(0.5);
  });

  it('reads a number by the contact word nearest to it: an office line after 受理专线 although the sentence defines 举报人', () => {
    const rule = '本办法适用于社会公众（以下统称举报人）通过区安全隐患举报受理专线（021-55828311）举报的安全隐患。';
    expect(scanner.scanText(rule).findings.find((f) => f.kind === 'pii')).toMatchObject({ rule: 'mention.office-contact', negated: true });
    const reporter = '经核实，举报人的联系电话为0571-86221234，已电话回复。';
    expect(scanner.scanText(reporter).findings.find((f) => f.kind === 'pii')).toMatchObject({ rule: 'pii.phone', negated: false });
  });

  it('keeps the same data where the sentence records it rather than saying to remove it', () => {
    expect(scanner.scanText('经查，该职工病情已好转，相关病历已删除。').findings.find((f) => f.term === '病情')).toMatchObject({ negated: false });
  });

  it('keeps a record or a balance that belongs to one person', () => {
    expect(scanner.scanText('经查，张建华有犯罪记录，2019年曾因盗窃被判刑。').findings.find((f) => f.term === '犯罪记录')).toMatchObject({ negated: false });
    expect(scanner.scanText('经核对，申请人张建华名下存款余额为12万元。').findings.find((f) => f.term === '存款余额')).toMatchObject({ negated: false });
  });

  it('keeps the same word as a concern when the document speaks of itself', () => {
    const [finding] = scanner.scanText('本纪要涉及干部人事调整，属于内部资料。').findings.filter((f) => f.term === '内部资料');
    expect(finding).toMatchObject({ negated: false, rule: 'signal.self-reference' });
  });

  it('does not let a normative sentence push the suggestion towards withholding', () => {
    const text = '第五条 涉及国家秘密、商业秘密、个人隐私的政府信息，不予公开。\n第六条 行政机关应当依法保护举报人、投诉人的合法权益。\n（此件公开发布）';
    const result = scanner.scanText(text);
    expect(result.suggestion.attribute).toBe('proactive');
    expect(result.suggestion.warnings).toEqual([]);
  });
});
