import { describe, expect, it } from 'vitest';
import { parseLines } from './helpers.ts';

const body = '现就有关事项通知如下，请认真贯彻执行。';

describe('title, 发文字号 and 成文日期 through web-page furniture', () => {
  const page = [
    '| 2024年10月8日 星期二',
    '繁體版 无障碍 关怀版',
    '网站首页',
    '政务公开',
    '您当前的位置：首页 > 政务公开 > 通知公告',
    '关于做好秋季森林防火工作的通知',
    '发布时间：2024-10-08 09:30 来源：县应急管理局 浏览次数：120',
    '【打印】 【字体：大 中 小】',
    'A+大 A+中 A+小',
    '各乡镇人民政府：',
    body,
    '某某县应急管理局',
    '2024年9月30日',
    '扫一扫在手机打开当前页',
  ];

  it('skips navigation, the page date and print or font-size controls before the title', () => {
    const { metadata } = parseLines(page);
    expect(metadata).toMatchObject({ title: '关于做好秋季森林防火工作的通知', addressee: '各乡镇人民政府', date: '2024-09-30', issuer: '某某县应急管理局' });
  });

  it('takes title, 发文字号 and 成文日期 from the site metadata table, never its 发布日期', () => {
    const table = [
      '索 引 号：\t000000000/2024-00012\t主题分类：\t城乡建设\\住房',
      '发文机关：\t某某市人民政府办公室\t成文日期：\t2024年03月05日',
      '标　　题：\t某某市人民政府办公室关于加强物业管理的通知',
      '发文字号：\t某政办发〔2024〕12号\t发布日期：\t2024年03月20日',
      '主 题 词：',
      '某某市人民政府办公室关于加强',
      '物业管理的通知',
      '某政办发〔2024〕12号',
      '各区人民政府：',
      body,
      '某某市人民政府办公室',
      '2024年3月5日',
    ];
    expect(parseLines(table).metadata).toMatchObject({ title: '某某市人民政府办公室关于加强物业管理的通知', docNumber: '某政办发〔2024〕12号', date: '2024-03-05' });
  });

  it('reads a metadata table laid out one field per line, the title right after it', () => {
    const table = ['索 引 号：', '000000000/2024-00013', '发文机关：', '某某市人民政府', '成文日期：', '2024年04月01日', '发布日期：', '2024年04月09日', '主 题 词：', '某某市人民政府关于推进老旧小区改造的意见', '某政发〔2024〕3号', '各区人民政府：', body, '某某市人民政府', '2024年4月1日'];
    expect(parseLines(table).metadata).toMatchObject({ title: '某某市人民政府关于推进老旧小区改造的意见', docNumber: '某政发〔2024〕3号', date: '2024-04-01' });
  });

  it.each([
    [['繁體版 无障碍 关怀版', '打印机采购项目竞争性磋商公告', '各供应商：', body], '打印机采购项目竞争性磋商公告'],
    [['搜索救援队伍建设实施方案', '各县（区）应急管理局：', body], '搜索救援队伍建设实施方案'],
    [['关于开展防汛检查的通知', '————————', '各乡镇人民政府：', body], '关于开展防汛检查的通知'],
  ])('takes site chrome only for what it is, and finds a title above a rule line', (lines, title) => {
    expect(parseLines(lines).metadata.title).toBe(title);
  });

  it('does not take a classification value under its label for the title', () => {
    const lines = ['您当前所在位置：首页 > 统计数据', '发布机构：', '某某县统计局', '分类：', '统计公报', '某某县2023年国民经济和社会发展统计公报', '访问量：123', '关联稿件：', '某某县统计局', '（2024年3月20日）', '2023年，全县经济运行总体平稳。'];
    const { metadata } = parseLines(lines);
    expect(metadata).toMatchObject({ title: '某某县2023年国民经济和社会发展统计公报', date: '2024-03-20', addressee: null });
  });
});

describe('legal-database headers and Markdown copies', () => {
  it('skips the citation code and source link of a database export and reads a 发文字号 in parentheses', () => {
    const lines = ['【法宝引证码】 CLI.12.123456', '原文链接：https://example.invalid/lar/0a1b2c.html', '某某市人民政府办公室关于加强河道保洁的通知', '某某市人民政府办公室关于加强河道保洁的通知', '（某政办发〔2023〕7号）', '各县（区）人民政府：', body];
    expect(parseLines(lines).metadata).toMatchObject({ title: '某某市人民政府办公室关于加强河道保洁的通知', docNumber: '某政办发〔2023〕7号', addressee: '各县（区）人民政府' });
  });

  it('drops the heading mark of a Markdown title and reads past its front matter', () => {
    const lines = ['# 关于印发《某某市河长制工作规定》的通知', '', '**发布日期**: 2024-03-05', '**发布机构**: 某某市水利局', '**原文链接**: [http://example.invalid/a.html](http://example.invalid/a.html)', '', '---', '', '某水发〔2024〕2号', '', '各区水利局：', body, '某某市水利局', '2024年3月1日'];
    const { metadata } = parseLines(lines);
    expect(metadata).toMatchObject({ title: '关于印发《某某市河长制工作规定》的通知', docNumber: '某水发〔2024〕2号', date: '2024-03-01', addressee: '各区水利局' });
  });

  it('dates a law by the latest adoption or amendment recorded under its title, not by when it takes effect', () => {
    const lines = [
      '# 某某省河道管理条例',
      '2019年5月30日 某某省第十三届人民代表大会常务委员会第十二次会议通过',
      '2023年7月28日 某某省第十四届人民代表大会常务委员会第四次会议修正',
      '2023年9月1日 施行',
      '<!-- INFO END -->',
      '## 第一章 总则',
      '第一条 为了加强河道管理，根据有关法律，制定本条例。',
    ];
    expect(parseLines(lines).metadata).toMatchObject({ title: '某某省河道管理条例', date: '2023-07-28', docNumber: null });
  });

  it('takes the last 令 number of the record as the 发文字号', () => {
    const lines = ['# 某某管理办法', '2011年3月2日 某某省人民政府令第5号公布', '2020年1月2日 某某省人民政府令第41号修订', '2020年3月1日 施行', '第一条 为了规范管理，制定本办法。'];
    expect(parseLines(lines).metadata).toMatchObject({ title: '某某管理办法', date: '2020-01-02', docNumber: '某某省人民政府令第41号' });
  });

  it('reads the parenthesised promulgation line of a 规章, leaving out the day it takes effect', () => {
    const lines = ['某某市养犬管理办法', '某某市养犬管理办法', '（2021年6月3日某某市人民政府令第12号公布　自2021年8月1日起施行）', '第一条 为了规范养犬行为，制定本办法。'];
    expect(parseLines(lines).metadata).toMatchObject({ title: '某某市养犬管理办法', date: '2021-06-03', docNumber: '某某市人民政府令第12号' });
  });

  it('takes the text a 令 promulgates as the title and the 令 number and date as the document’s', () => {
    const lines = ['某某市人民政府令', '第12号', '《某某市养犬管理办法》已经2021年5月20日市政府第8次常务会议通过，现予公布，自2021年8月1日起施行。', '市　长　某某某', '2021年6月3日', '某某市养犬管理办法', '（2021年6月3日某某市人民政府令第12号公布）', '第一条 为了规范养犬行为，制定本办法。'];
    expect(parseLines(lines).metadata).toMatchObject({ title: '某某市养犬管理办法', date: '2021-06-03', docNumber: '某某市人民政府令第12号' });
  });
});

describe('whole titles', () => {
  it('does not cut a title at the parenthesis inside 《…（…）》', () => {
    const { metadata } = parseLines(['关于印发《某某县农村饮水安全管理办法', '（试行）》的通知', '各乡镇人民政府：', body]);
    expect(metadata.title).toBe('关于印发《某某县农村饮水安全管理办法（试行）》的通知');
  });

  it('runs a three-line title on past a middle line that ends in a 文种 word', () => {
    const { metadata } = parseLines(['某某市人民政府关于建立', '重大行政决策合法性审查制度', '和责任追究制度的实施意见', '某政发〔2024〕1号', '各区人民政府：', body]);
    expect(metadata.title).toBe('某某市人民政府关于建立重大行政决策合法性审查制度和责任追究制度的实施意见');
  });

  it.each([
    ['a 关于 subject under the agency', ['某某市人民政府办公室', '关于开展防汛检查的函', '某政办函〔2024〕3号', '各县（区）人民政府：', body], '某某市人民政府办公室关于开展防汛检查的函'],
    ['an annual report under the agency', ['- 1 -', '某某县人民政府', '2024 年政府信息公开工作年度报告', '本报告依据有关规定编制。'], '某某县人民政府2024年政府信息公开工作年度报告'],
    ['a forwarding notice whose first line ends in an agency', ['某某市人民政府办公室转发市水利局', '关于加强汛期值守工作意见的通知', '某政办发〔2024〕9号', '各县（区）人民政府：', body], '某某市人民政府办公室转发市水利局关于加强汛期值守工作意见的通知'],
  ])('keeps the issuing agency in front: %s', (_label, lines, title) => {
    const { metadata } = parseLines(lines);
    expect(metadata.title).toBe(title);
    expect(metadata.issuerMark).toBeNull();
  });

  it.each([
    [['某某县人民政府常务会议纪要', '（第12次）', '2024年6月3日，县长主持召开县政府常务会议。'], '某某县人民政府常务会议纪要（第12次）'],
    [['某某县人民政府', '常务会议纪要', '第12期', '2024年6月3日，县长主持召开县政府常务会议。'], '某某县人民政府常务会议纪要第12期'],
  ])('keeps the session number of a 会议纪要 in its title', (lines, title) => {
    expect(parseLines(lines).metadata.title).toBe(title);
  });

  it.each([
    [['某某市物业管理办法', '（征求意见稿）', '第一条 为了规范物业管理，制定本办法。']],
    [['某某市物业管理办法', '2024年6月1日', '（征求意见稿）', '第一条 为了规范物业管理，制定本办法。']],
  ])('reads a draft-stage mark under the title as part of it, never as the 附注', (lines) => {
    const { metadata, kindOf } = parseLines(lines);
    expect(metadata.title).toBe('某某市物业管理办法（征求意见稿）');
    expect(metadata.note).toBeNull();
    expect(kindOf('（征求意见稿）')).toBe('title');
  });

  it.each([
    [['附件1：', '2024年某某市遴选公务员职位表', '序号\t单位\t职位\t人数', '1\t某某局\t科员\t2']],
    [['附件一       某某市2024年度考试录用公务员拟录用人员名单（共30人）', '序号\t姓名\t性别', '1\t王某\t男']],
  ])('leaves the attachment label and a table header row out of a list title', (lines) => {
    const title = parseLines(lines).metadata.title!;
    expect(title).toMatch(/^(2024年某某市遴选公务员职位表|某某市2024年度考试录用公务员拟录用人员名单（共30人）)$/);
  });
});

describe('a title never holds a form label or a 版头 notice', () => {
  it.each([
    ['内部资料 注意保存', '关于开展防汛检查的通知'],
    ['此件不得外传', '某某县人民政府关于开展防汛检查的通知'],
    ['工作秘密', '关于开展防汛检查的通知'],
  ])('keeps the notice %s out of the title and in the 版头', (notice, title) => {
    const { metadata, zoneOf } = parseLines([notice, title, '各乡镇人民政府：', body]);
    expect(metadata.title).toBe(title);
    expect(zoneOf(notice)).toBe('header');
  });

  it('reads the title field of a 发文稿纸, not its labels', () => {
    const form = ['某某县人民政府办公室发文稿纸', '签发\t', '拟稿单位\t综合股\t拟稿人\t王某', '标题\t关于开展防汛检查的通知', '主送\t各乡镇人民政府', '各乡镇人民政府：', body];
    expect(parseLines(form).metadata.title).toBe('关于开展防汛检查的通知');
  });

  it('reads a lone 标题 line without its label', () => {
    expect(parseLines(['标题：关于开展防汛检查的通知', '各乡镇人民政府：', body]).metadata.title).toBe('关于开展防汛检查的通知');
  });

  it('reads the 文件标题 field of a 收文处理笺 without its label', () => {
    const form = ['收文处理笺', '来文单位：某某市人民政府办公室', '来文字号：某政办函〔2024〕31号', '文件标题：关于开展防汛检查的通知', '拟办意见：呈局主要领导阅示。'];
    expect(parseLines(form).metadata.title).toBe('关于开展防汛检查的通知');
  });
});
