import { describe, expect, it } from 'vitest';
import { parseLines } from './helpers.ts';

const fullDocument = [
  '000123',
  '机密★5年',
  '特急',
  '玉环市人民政府办公室文件',
  '玉政办发［2018］048号        签发人：张三  李四',
  '玉环市人民政府办公室关于印发',
  '政务公开工作规范的通知',
  '各乡镇人民政府，各街道办事处，市政府直属各单位：',
  '现将《玉环市政务公开工作规范》印发给你们，请认真贯彻执行。',
  '附件：1．玉环市政务公开工作规范',
  '2．政务公开事项目录',
  '玉环市人民政府办公室',
  '二〇一八年十月十九日',
  '（此件公开发布）',
  '抄送：市委办公室，市人大常委会办公室，',
  '市政协办公室。',
  '玉环市人民政府办公室          2018年10月19日印发',
];

describe('parseMetadata', () => {
  it('reads every GB/T 9704 element of a complete 公文', () => {
    const { metadata } = parseLines(fullDocument);
    expect(metadata).toEqual({
      copyNumber: '000123',
      classification: { level: '机密', period: '5年', raw: '机密★5年' },
      urgency: '特急',
      issuerMark: '玉环市人民政府办公室文件',
      docNumber: '玉政办发〔2018〕48号',
      docNumberRaw: '玉政办发［2018］048号',
      signer: '张三 李四',
      title: '玉环市人民政府办公室关于印发政务公开工作规范的通知',
      addressee: '各乡镇人民政府，各街道办事处，市政府直属各单位',
      attachments: ['玉环市政务公开工作规范', '政务公开事项目录'],
      issuer: '玉环市人民政府办公室',
      date: '2018-10-19',
      dateRaw: '二〇一八年十月十九日',
      note: '（此件公开发布）',
      cc: '市委办公室，市人大常委会办公室，市政协办公室',
      printedBy: '玉环市人民政府办公室',
      printedDate: '2018-10-19',
    });
  });

  it('assigns 版头, 主体 and 版记 zones and marks the title paragraphs', () => {
    const { paragraphs, zoneOf } = parseLines(fullDocument);
    for (const line of fullDocument.slice(0, 5)) expect(zoneOf(line)).toBe('header');
    for (const line of fullDocument.slice(5, 14)) expect(zoneOf(line)).toBe('body');
    for (const line of fullDocument.slice(14)) expect(zoneOf(line)).toBe('footer');
    expect(paragraphs.filter((p) => p.kind === 'title')).toHaveLength(2);
  });

  it.each([
    ['玉政办发〔2018〕48号', '玉政办发〔2018〕48号'],
    ['玉政办发[2018]48号', '玉政办发〔2018〕48号'],
    ['玉政办发（2018）48号', '玉政办发〔2018〕48号'],
    ['玉政办发(2018)48号', '玉政办发〔2018〕48号'],
    ['玉政办发［2018］48号', '玉政办发〔2018〕48号'],
    ['玉政办发〔2018〕第48号', '玉政办发〔2018〕48号'],
  ])('normalises the 发文字号 %s and keeps the raw form', (raw, normalised) => {
    const { metadata } = parseLines([raw, '关于加强政务公开工作的通知', '各单位：', '现通知如下。']);
    expect(metadata.docNumber).toBe(normalised);
    expect(metadata.docNumberRaw).toBe(raw);
  });

  it.each([
    ['2018年10月19日', '2018-10-19'],
    ['2018 年 1 月 9 日', '2018-01-09'],
    ['２０１８年１０月１９日', '2018-10-19'],
    ['二〇一八年十月十九日', '2018-10-19'],
    ['二○二二年八月三十一日', '2022-08-31'],
    ['二〇二〇年十二月十日', '2020-12-10'],
  ])('reads the 成文日期 %s as an ISO date', (raw, iso) => {
    const { metadata } = parseLines(['关于加强政务公开工作的通知', '各单位：', '现通知如下。', '某某局', raw]);
    expect(metadata.date).toBe(iso);
  });

  it('does not take an impossible date', () => {
    const { metadata } = parseLines(['关于加强政务公开工作的通知', '各单位：', '现通知如下。', '某某局', '2018年2月30日']);
    expect(metadata.date).toBeNull();
  });

  it('reads a classification without a period and 加急', () => {
    const { metadata } = parseLines(['秘密', '加急', '某某局文件', '某发〔2020〕1号', '关于某事的通知', '各单位：', '现通知如下。']);
    expect(metadata.classification).toEqual({ level: '秘密', period: null, raw: '秘密' });
    expect(metadata.urgency).toBe('加急');
  });

  it('keeps the 密级 line and an agency name above the title out of the title', () => {
    const { metadata } = parseLines(['机密★5年', '玉林市人民政府办公室', '关于做好重点时段安全防范工作的通知', '玉政办发〔2024〕9号', '各县（市、区）人民政府：', '请各地按照会议部署，做好安全防范工作。']);
    expect(metadata.title).toBe('关于做好重点时段安全防范工作的通知');
    expect(metadata.issuerMark).toBe('玉林市人民政府办公室');
    expect(metadata.classification?.level).toBe('机密');
  });

  it('invents nothing for a text that only mentions the elements', () => {
    const { metadata, paragraphs } = parseLines([
      '一、加强公文公开属性管理',
      '凡主动公开的公文，需要在附注部分标注“此件公开发布”字样，并按照《关于全面推进政务公开工作的意见》（国办发〔2016〕8号）执行。',
      '涉及国家秘密的，标注密级和保密期限，如机密★5年。',
      '各单位应于2018年10月19日前报送。',
    ]);
    expect(metadata).toMatchObject({ docNumber: null, title: null, date: null, note: null, classification: null, issuerMark: null, addressee: null, cc: null });
    expect(metadata.attachments).toEqual([]);
    expect(paragraphs.every((p) => p.zone === 'body')).toBe(true);
  });

  it('does not take a docNumber cited inside the body', () => {
    const { metadata } = parseLines(['株洲市畜牧兽医水产局2017年度政务公开工作实施方案', '根据《关于全面推进政务公开工作的实施意见》（株办发〔2017〕5号）文件精神，特制定如下实施方案。']);
    expect(metadata.docNumber).toBeNull();
    expect(metadata.title).toBe('株洲市畜牧兽医水产局2017年度政务公开工作实施方案');
  });

  it('reads other 附注 forms under the date', () => {
    const { metadata } = parseLines(['关于某事的函', '某某局：', '请予支持。', '某某委员会', '2023年7月12日', '（联系人：王五，电话：0571-88888888）']);
    expect(metadata.note).toBe('（联系人：王五，电话：0571-88888888）');
  });

  it('reads a 公文 written in traditional script', () => {
    const { metadata } = parseLines(['玉政辦發〔2018〕48號  簽發人：張三', '關於加強政務公開工作的通知', '各鄉鎮人民政府：', '現將有關事項通知如下。', '玉環市人民政府辦公室', '2018年10月19日', '（此件公開發布）', '玉環市人民政府辦公室 2018年10月19日印發']);
    expect(metadata).toMatchObject({
      docNumber: '玉政辦發〔2018〕48号',
      signer: '張三',
      title: '關於加強政務公開工作的通知',
      issuer: '玉環市人民政府辦公室',
      date: '2018-10-19',
      note: '（此件公開發布）',
      printedBy: '玉環市人民政府辦公室',
      printedDate: '2018-10-19',
    });
  });
});
