import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeIntake, extractFile } from '../helpers/intake.ts';
import { createScanner, type Scanner } from '../../electron/core/scanner/index.ts';
import type { Finding } from '../../shared/types.ts';
import { requireKit } from '../helpers/kit.ts';

let scanner: Scanner;
beforeAll(() => {
  scanner = createScanner();
});
afterAll(() => closeIntake());

const pii = (text: string): Finding[] => scanner.scanText(text).findings.filter((f) => f.kind === 'pii');
const types = (text: string) => pii(text).map((f) => [f.piiType, f.term]);
const concern = (f: Finding | undefined) => f !== undefined && !f.negated && f.score >= 0.5;

describe('names and addresses in real layouts', () => {
  it('finds the name and the 住所 of a person whose fields sit on separate lines', () => {
    const found = pii('当事人：张伟\n身份证号码：110105198503071230\n住所：北京市朝阳区建国路88号院3号楼2单元501室\n联系电话：13912345678');
    expect(found.map((f) => [f.piiType, f.term])).toEqual([
      ['name', '张伟'],
      ['id-card', '110105198503071230'],
      ['address', '北京市朝阳区建国路88号院3号楼2单元501室'],
      ['mobile', '13912345678'],
    ]);
    expect(found.every(concern)).toBe(true);
  });

  it('stops a name and an address at the next field when extraction ran the fields together', () => {
    expect(types('当 事 人 ： 刘 建 军   性 别 ： 男').filter(([t]) => t === 'name')).toEqual([['name', '刘 建 军']]);
    expect(types('住址：西安市雁塔区丈八东路16号联系电话：13812345678')).toEqual([['address', '西安市雁塔区丈八东路16号'], ['mobile', '13812345678']]);
  });

  it('reads a person from an inline profile and from a 姓名 column, not from anonymised placeholders', () => {
    expect(types('当事人李秀英，女，1972年8月出生，住玉环市坎门街道东风路12号。')).toEqual([['name', '李秀英'], ['address', '玉环市坎门街道东风路12号']]);
    expect(types('经查，周建新，男，1981年6月出生，籍贯湖南衡阳。')).toEqual([['name', '周建新']]);
    expect(types('序号\t姓名\t家庭住址\n1\t吴秀兰\t城关镇解放路9号\n2\t郑国平\t新桥乡新桥村三组')).toEqual([
      ['name', '吴秀兰'], ['address', '城关镇解放路9号'], ['name', '郑国平'], ['address', '新桥乡新桥村三组'],
    ]);
    expect(types('张某某（身份证号：110105198503071230）').map(([t]) => t)).toEqual(['id-card']);
  });

  it('does not read a noun phrase after a label as a name', () => {
    expect(types('不得公开举报人的姓名和联系方式。')).toEqual([]);
    expect(types('申请人姓名、身份证号码等信息应当保密。')).toEqual([]);
    expect(types('申请人：\n你要求查阅的资料已移交档案馆。')).toEqual([]);
  });

  it('treats a company’s 法定代表人 and 住所 as public, a sole trader’s 经营者 as personal', () => {
    const company = pii('当事人：温州恒达机械制造有限公司\n统一社会信用代码：91330100MA27XY1235\n法定代表人：陈建华\n住所：温州市瓯海经济开发区东方南路38号');
    expect(company.filter(concern)).toEqual([]);
    expect(company.find((f) => f.piiType === 'address')?.explanation).toContain('单位地址');
    const trader = pii('当事人：老王五金经营部（个体工商户）\n经营者：王建国');
    expect(trader.find((f) => f.term === '王建国')).toMatchObject({ piiType: 'name' });
    expect(concern(trader.find((f) => f.term === '王建国'))).toBe(true);
  });

  it('keeps the people named in a 任前公示 below the concern threshold', () => {
    const [name] = pii('县管领导干部任前公示\n林志远，男，1982年4月生，汉族，拟任县商务局局长。');
    expect(name).toMatchObject({ piiType: 'name', term: '林志远' });
    expect(concern(name)).toBe(false);
  });
});

describe('bank accounts', () => {
  it('reports a labelled account that fails Luhn with a lower score, and never an unlabelled run', () => {
    const [account] = pii('银行账号：201000123456789012');
    expect(account).toMatchObject({ piiType: 'bank-card', term: '201000123456789012' });
    expect(account!.score).toBeLessThan(0.85);
    expect(account!.explanation).toContain('Luhn');
    expect(types('编号201000123456789012')).toEqual([]);
  });

  it('scores the collection account of a public body as publishable', () => {
    const [account] = pii('户名：某某县财政局非税收入专户\n账号：1207012345000012345');
    expect(concern(account)).toBe(false);
  });
});

describe('a document that declares its own attribute', () => {
  it('respects 公开方式 不公开 and asks for the lawful reason', () => {
    const { suggestion } = scanner.scanText('收文处理笺\n紧急程度：常规　公开方式：不公开\n拟办意见：呈局领导阅示。');
    expect(suggestion.attribute).toBe('withheld');
    expect(suggestion.warnings.join('')).toMatch(/公开方式.*不公开.*理由/);
  });

  const samples = requireKit('samples') ?? '';
  it.runIf(!!samples)('flags the named person and the personnel matter in the real 辞职批复 OFD, and the 不公开 mark in the 收文处理单', async () => {
    const pifu = await extractFile(path.join(samples, 'ofd-gongwen-pifu-luqiao.ofd'));
    const chulidan = await extractFile(path.join(samples, 'ofd-shouwen-chulidan.ofd'));
    if (!pifu.ok || !chulidan.ok) throw new Error('sample not readable');
    const personnel = scanner.scan(pifu.document);
    expect(personnel.findings.filter(concern).map((f) => f.piiType ?? f.category)).toEqual(expect.arrayContaining(['name', 3]));
    expect(personnel.suggestion.attribute).not.toBe('proactive');
    expect(scanner.scan(chulidan.document).suggestion.attribute).toBe('withheld');
  });
});

describe('titles and articles of rules', () => {
  it('reads a topic word in a rule’s title or articles as a mention', () => {
    const result = scanner.scanText('某某市信访事项办理规定\n第三条 已移交档案馆的档案，由档案馆依法向社会开放。\n（此件公开发布）');
    expect(result.findings.filter((f) => f.kind === 'term').map((f) => [f.term, f.negated, f.rule])).toEqual([
      ['信访事项', true, 'mention.rule-title'],
      ['移交档案馆', true, 'mention.disclosure-rule'],
    ]);
  });
  it('keeps a party’s own request for non-disclosure as a fact about the case', () => {
    const [f] = scanner.scanText('丙公司的技术方案属于该公司专有技术，公司已书面声明涉及其商业秘密，要求不予公开。').findings.filter((x) => x.term === '技术方案');
    expect(f).toMatchObject({ negated: false, rule: 'signal.content' });
  });
});
