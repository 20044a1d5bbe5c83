import { describe, expect, it } from 'vitest';
import { parseLines } from './helpers.ts';

const penaltyDecision = [
  '玉林市市场监督管理局',
  '行政处罚决定书',
  '玉市监处罚〔2024〕15号',
  '当事人：玉林市某某商贸有限公司',
  '统一社会信用代码：91450900MA5K123456',
  '住所：玉林市玉州区某某路88号',
  '法定代表人：张某某',
  '当事人销售过期食品一案，本局于2024年3月1日立案调查。现已查明：当事人于2024年2月在其经营场所销售超过保质期的食品。',
  '以上事实有现场检查笔录、询问笔录等证据为证。',
  '如不服本处罚决定，可以在收到本决定书之日起六十日内依法申请行政复议。',
  '玉林市市场监督管理局',
  '2024年5月6日',
  '（此件依申请公开）',
];

describe('title before the 发文字号', () => {
  it('reads a 行政处罚决定书 whose title sits between the agency and the number', () => {
    const { metadata, zoneOf, kindOf } = parseLines(penaltyDecision);
    expect(metadata).toMatchObject({
      issuerMark: '玉林市市场监督管理局',
      title: '行政处罚决定书',
      docNumber: '玉市监处罚〔2024〕15号',
      addressee: null,
      issuer: '玉林市市场监督管理局',
      date: '2024-05-06',
      note: '（此件依申请公开）',
    });
    expect(kindOf('行政处罚决定书')).toBe('title');
    expect(zoneOf('玉林市市场监督管理局')).toBe('header');
    expect(zoneOf('当事人：玉林市某某商贸有限公司')).toBe('body');
  });

  it.each([
    ['行政处罚告知书', '玉市监罚告〔2024〕3号', '玉林市某某商贸有限公司：'],
    ['责令改正通知书', '玉市监责改〔2024〕21号', '玉林市某某商贸有限公司：'],
    ['政府信息公开申请答复书', '玉政信复〔2024〕12号', '张某某：'],
    ['不予受理决定书', '玉市监不受〔2024〕2号', '张某某：'],
  ])('finds the title %s above its number', (title, number, addressee) => {
    const { metadata } = parseLines(['玉林市人民政府', title, number, addressee, '根据有关规定，经研究，现答复如下。', '玉林市人民政府', '2024年5月6日']);
    expect(metadata.title).toBe(title);
    expect(metadata.docNumber).toBe(number);
    expect(metadata.addressee).toBe(addressee.slice(0, -1));
  });

  it.each([
    ['关于同意设立玉林市某某中心的批复', '玉政函〔2024〕8号', '市民政局：'],
    ['第5次常务会议纪要', '玉政纪〔2024〕5号', '各有关单位：'],
  ])('keeps the agency on the line above in the title %s, which names no agency of its own', (title, number, addressee) => {
    const { metadata } = parseLines(['玉林市人民政府', title, number, addressee, '根据有关规定，经研究，现答复如下。', '玉林市人民政府', '2024年5月6日']);
    expect(metadata.title).toBe(`玉林市人民政府${title}`);
    expect(metadata.issuerMark).toBeNull();
    expect(metadata.docNumber).toBe(number);
  });

  it('does not promote the 主送 line or a body sentence to title', () => {
    const { metadata } = parseLines([
      '玉林市市场监督管理局',
      '玉市监函〔2024〕3号',
      '玉林市某某商贸有限公司：',
      '你公司报送的整改报告',
      '经审查，同意你公司的整改方案。',
      '玉林市市场监督管理局',
      '2024年5月6日',
    ]);
    expect(metadata.title).toBeNull();
    expect(metadata.addressee).toBe('玉林市某某商贸有限公司');
  });

  it('does not take a heading, a label or a line with punctuation as title', () => {
    for (const line of ['一、关于处罚的决定', '当事人：某某公司', '现将有关事项通知', '经研究，决定如下']) {
      const { metadata } = parseLines(['玉林市市场监督管理局', '玉市监处罚〔2024〕15号', line, '当事人于2024年2月销售过期食品。']);
      expect(metadata.title, line).toBeNull();
    }
  });
});

describe('real-world variants of GB/T 9704 elements', () => {
  const body = ['关于加强政务公开工作的通知', '各单位：', '现通知如下。'];

  it.each([
    [['玉政办发 〔2018〕 48 号'], '玉政办发〔2018〕48号'],
    [['玉政办发〔２０１８〕４８号'], '玉政办发〔2018〕48号'],
    [['玉政办发（２０１８）４８号'], '玉政办发〔2018〕48号'],
    [['玉政办发', '〔2018〕48号'], '玉政办发〔2018〕48号'],
    [['玉政办发〔2018〕', '48号'], '玉政办发〔2018〕48号'],
  ])('reads the 发文字号 written as %j', (numberLines, expected) => {
    const lines = ['玉林市人民政府办公室文件', ...numberLines, ...body];
    const { metadata, zoneOf } = parseLines(lines);
    expect(metadata.docNumber).toBe(expected);
    expect(metadata.title).toBe('关于加强政务公开工作的通知');
    for (const line of numberLines) expect(zoneOf(line)).toBe('header');
  });

  it.each([
    ['2024 年 5 月 6 日', '2024-05-06'],
    ['2024年05月06日', '2024-05-06'],
    ['二〇二四年五月六日', '2024-05-06'],
    ['二零二四年五月六日', '2024-05-06'],
    ['二○二四年五月二十六日', '2024-05-26'],
    ['２０２４年５月６日', '2024-05-06'],
  ])('reads the 成文日期 %s', (raw, iso) => {
    const { metadata } = parseLines([...body, '玉林市人民政府办公室', raw]);
    expect(metadata.date).toBe(iso);
    expect(metadata.issuer).toBe('玉林市人民政府办公室');
  });

  it.each([
    ['（此件主动公开）', '（此件主动公开）'],
    ['（此件公开发布）', '（此件公开发布）'],
    ['此件公开发布', '此件公开发布'],
    ['（此件不予公开）', '（此件不予公开）'],
    ['（此件依申请公开）', '（此件依申请公开）'],
    ['（此件部分公开）', '（此件部分公开）'],
    ['(此件主动公开)', '(此件主动公开)'],
  ])('reads the 附注 %s under the date', (line, expected) => {
    const { metadata } = parseLines([...body, '玉林市人民政府办公室', '2024年5月6日', line]);
    expect(metadata.note).toBe(expected);
  });

  it('reads a 公开方式 line in the 版记 as the 附注', () => {
    const lines = [...body, '玉林市人民政府办公室', '2024年5月6日', '抄送：市委办公室。', '公开方式：主动公开', '玉林市人民政府办公室  2024年5月6日印发'];
    expect(parseLines(lines).metadata.note).toBe('公开方式：主动公开');
    expect(parseLines([...body, '玉林市人民政府办公室', '2024年5月6日', '（公开方式：依申请公开）']).metadata.note).toBe('（公开方式：依申请公开）');
  });

  it('does not take a sentence about publicity for a 附注', () => {
    const lines = ['一、工作要求', '各单位在公文起草时应当明确公开方式：主动公开、依申请公开或者不予公开。', '此件公开发布的要求另行通知。'];
    expect(parseLines(lines).metadata.note).toBeNull();
  });

  it('reads a bare publicity note when the document has no date', () => {
    expect(parseLines([...body, '此件不予公开']).metadata.note).toBe('此件不予公开');
  });

  it.each([
    ['秘密', { level: '秘密', period: null }],
    ['机密★长期', { level: '机密', period: '长期' }],
    ['绝密★10年', { level: '绝密', period: '10年' }],
    ['机密 ★ 5 年', { level: '机密', period: '5年' }],
    ['秘密☆1年', { level: '秘密', period: '1年' }],
    ['000123  秘密★6个月  特急', { level: '秘密', period: '6个月' }],
  ])('reads the 密级 %s', (line, expected) => {
    const { metadata, zoneOf } = parseLines([line, '某某局文件', '某发〔2020〕1号', ...body]);
    expect(metadata.classification).toMatchObject(expected);
    expect(zoneOf(line)).toBe('header');
  });

  it.each(['内部', '内部资料', '内部资料 注意保存', '商业秘密'])('does not take %s for a 密级', (line) => {
    const { metadata } = parseLines([line, '某某局文件', '某发〔2020〕1号', ...body]);
    expect(metadata.classification).toBeNull();
  });

  it.each([
    ['特急', '特急'],
    ['加急', '加急'],
    ['急件', '急件'],
    ['紧急程度：特急', '特急'],
  ])('reads the 紧急程度 %s', (line, expected) => {
    const { metadata } = parseLines(['000123', line, '某某局文件', '某发〔2020〕1号', ...body]);
    expect(metadata.urgency).toBe(expected);
  });

  it('does not read 急件 inside a sentence as a 紧急程度', () => {
    expect(parseLines([...body, '请将急件于当日送达。']).metadata.urgency).toBeNull();
  });

  it.each([
    ['玉政办发〔2024〕6号  签发人：张三  李四', '张三 李四'],
    ['玉政办发〔2024〕6号　　签发人：张三　李四', '张三 李四'],
    ['签发人：张三、李四', '张三、李四'],
  ])('reads two 签发人 from %s', (line, expected) => {
    const { metadata } = parseLines(['玉林市人民政府办公室文件', line, ...body]);
    expect(metadata.signer).toBe(expected);
  });

  it.each([
    [['抄送：市委办公室，市人大常委会办公室，', '市政协办公室，市中级法院，市检察院。'], '市委办公室，市人大常委会办公室，市政协办公室，市中级法院，市检察院'],
    [['抄送：市委办公室，市人大常委会办公室', '市政协办公室'], '市委办公室，市人大常委会办公室市政协办公室'],
  ])('reads a 抄送 over two lines', (ccLines, expected) => {
    const lines = [...body, '玉林市人民政府办公室', '2024年5月6日', ...ccLines, '玉林市人民政府办公室  2024年5月6日印发'];
    const { metadata, zoneOf } = parseLines(lines);
    expect(metadata.cc).toBe(expected);
    for (const line of ccLines) expect(zoneOf(line)).toBe('footer');
  });

  it.each([
    '玉林市人民政府办公室  2024年5月6日印发',
    '玉林市人民政府办公室　　　　2024年5月6日印发',
    '玉林市人民政府办公室 2024 年 5 月 6 日印发',
    '玉林市人民政府办公室        2024年5月6日 印发',
  ])('reads the 印发 line %s', (line) => {
    const { metadata } = parseLines([...body, '玉林市人民政府办公室', '2024年5月6日', line]);
    expect(metadata.printedBy).toBe('玉林市人民政府办公室');
    expect(metadata.printedDate).toBe('2024-05-06');
  });
});
