import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeIntake, extractFile } from '../helpers/intake.ts';
import { requireKit } from '../helpers/kit.ts';
import { expectDocument } from './helpers.ts';

const samples = requireKit('samples') ?? '';
const seeds = requireKit('seeds') ?? '';
const compact = (text: string) => text.replace(/\s+/g, '');

afterAll(() => closeIntake());

describe.runIf(!!samples)('real OFD samples', () => {
  it.each([
    ['ofd-gongwen-pifu-luqiao.ofd', '测试符路桥区卫生局文件路卫发〔2011〕76号关于同意张阿三同志辞职的批复区中医院：', true],
    ['ofd-han-bengbu-guotu.ofd', '关于加快南货场铁路涵洞下穿建设的函蚌山区政府：根据我市2023年房地产用地供应计划', false],
    ['ofd-shouwen-chulidan.ofd', 'XX市政府文件处理', false],
    ['ofd-fapiao-shili.ofd', '050001700111', true],
    ['ofd-yongdi-yushen-linxiang.ofd', '临翔区棚户区改造安置房二期（地块二）', true],
  ])('reads %s', async (file, start, signed) => {
    const doc = expectDocument(await extractFile(path.join(samples, file)));
    expect(doc.format).toBe('ofd');
    expect(compact(doc.text)).toContain(compact(start));
    expect(doc.warnings.some((w) => w.includes('签章'))).toBe(signed);
  });

  it('reads the 公文 elements of the red-head 批复', async () => {
    const doc = expectDocument(await extractFile(path.join(samples, 'ofd-gongwen-pifu-luqiao.ofd')));
    expect(doc.pageCount).toBe(2);
    expect(doc.metadata).toMatchObject({
      issuerMark: '测试符路桥区卫生局文件',
      docNumber: '路卫发〔2011〕76号',
      title: '关于同意张阿三同志辞职的批复',
      addressee: '区中医院',
      date: '2011-03-10',
      printedDate: '2011-03-10',
    });
    const zones = new Set(doc.paragraphs.map((p) => p.zone));
    expect([...zones].sort()).toEqual(['body', 'footer', 'header']);
  });

  it('keeps the square-bracket 文号 of the licence as written', async () => {
    const doc = expectDocument(await extractFile(path.join(samples, 'ofd-yongdi-yushen-linxiang.ofd')));
    expect(doc.text).toContain('临翔发改复[2018]172号');
    expect(doc.metadata.docNumber).toBeNull();
  });
});

describe.runIf(!!samples)('real CJK PDF samples', () => {
  it.each([
    ['pdf-cjk-gbk-euc-h.pdf', '浅谈校长的魅力山西省闻喜县诚镇初中李新录'],
    ['pdf-cjk-unigb-utf16-h.pdf', '目录'],
    ['pdf-cjk-winansi-xiaobiaosong.pdf', '关于红军作战的原则'],
    ['pdf-cjk-winansi-simfang.pdf', '全世界无产者，联合起来'],
  ])('reads real Chinese from %s', async (file, expected) => {
    const doc = expectDocument(await extractFile(path.join(samples, file)));
    expect(doc.format).toBe('pdf');
    expect(compact(doc.text)).toContain(expected);
    expect(doc.text).not.toMatch(/[À-ÿ]{2}/);
  });
});

describe.runIf(!!seeds)('the five seed rules', () => {
  const seed = async (prefix: string) => {
    const doc = expectDocument(await extractFile(path.join(seeds, readdirSync(seeds).find((f) => f.startsWith(prefix))!)));
    expect(doc.format).toBe('txt');
    return doc.metadata;
  };

  it('000: 玉环 notice with 文号, title, date and 附注', async () => {
    expect(await seed('000')).toMatchObject({
      docNumber: '玉政办发〔2018〕48号',
      issuerMark: '玉环市人民政府办公室',
      title: '关于加强政务公开工作的通知',
      addressee: '各乡镇人民政府,各街道办事处,市政府直属各单位',
      attachments: ['玉环市政务公开工作规范(试行)'],
      issuer: '玉环市人民政府办公室',
      date: '2018-10-19',
      note: '(此件公开发布)',
    });
  });

  it('001: a traditional-script excerpt with no 公文 elements gives none', async () => {
    expect(await seed('001')).toMatchObject({ docNumber: null, title: null, date: null, note: null, issuer: null });
  });

  it('002: web copy of the 成都 notice, not confused by the page view time', async () => {
    expect(await seed('002')).toMatchObject({
      docNumber: '成办函〔2017〕167号',
      title: '成都市人民政府办公厅关于转发四川省开展基层政务公开标准化规范化试点工作实施方案的通知',
      addressee: '各区(市)县政府,市政府各部门',
      issuer: '成都市人民政府办公厅',
      date: '2017-09-30',
      note: null,
    });
  });

  it('003: 株洲 plan with a title, and the cited 文号 and publication date left alone', async () => {
    expect(await seed('003')).toMatchObject({ docNumber: null, title: '株洲市畜牧兽医水产局2017年度政务公开工作实施方案', date: null, note: null });
  });

  it('004: 长宁 notice that starts at the 主送机关', async () => {
    expect(await seed('004')).toMatchObject({
      docNumber: null,
      title: null,
      addressee: '区政府各委、办、局,各街道办事处,新泾镇政府',
      issuer: '上海市长宁区人民政府',
      date: '2022-08-31',
      note: null,
    });
  });
});
