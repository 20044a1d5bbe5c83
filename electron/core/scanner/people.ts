import type { PiiHit } from './pii.ts';

// Common single and compound surnames. Surnames that are also everyday words (于, 和, 将, 要…) are left out on purpose.
const surnames = new Set(
  ('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍韦申尤毕聂丛焦向柳邢路岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵解强柴华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来缪苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计喻揭窦迟宇敖糜鄢冷卓花仇艾蓝都巩稽井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠僖桑荆谌银揭扬明沙薄伏岑习胥保和蔺'
  ).split(''),
);
const compoundSurnames = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤'];

// Two-character words that start with a surname character and follow these labels in ordinary prose.
const notNames = new Set(
  '陈述 申辩 高度 方式 方面 方案 周边 程序 安全 全部 全面 全体 任何 任务 明确 时间 文件 关于 成为 成立 应当 应该 可以 对于 提出 提供 本人 双方 未能 如实 依法 按照 提交 认为 须知 签字 签名 姓名 住址 性别 民族 等人 单位 所在 名单 情况 信息 基本 个人 本身 家属 代理 委托 向来 于是 马上 万元 石油 许可 祝贺 张贴 曾经 余额 宁可 史料 康复 常年 和解 金额 钱款 黄色 白色 江河 林业 高等 田间 童年 管理 路段 路口 车辆 房屋 华侨 乐意 宗教 商户 商家 温度 鲁莽 夏季 秦汉 宫殿 龙头 包括 包含 单独 单方 司法 柏油 兰花 简称 简要 牛羊 冷库 谈话 计划 解决 解释 强制 强化 都是 都有 来访 来信 原告 原件 原因 原则 官方 应用 台账 连续 连带 席位 项目 成本 游客 卫生 查处 查明 查询 查看 屈服 景区 花卉 包装 边界 车主 房产 罗列 车间 古建 保护 保存 全国 全市 全区'.split(' '),
);

const labelGroups: { labels: string[]; detail: string; weight: number }[] = [
  { labels: ['被举报人', '举报人', '信访人', '投诉人', '被投诉人', '来信人', '来访人', '反映人', '来电人'], detail: 'name-reporter', weight: 0.9 },
  {
    labels: ['姓名', '当事人', '被处罚人', '被申请人', '申请人', '第三人', '被告人', '犯罪嫌疑人', '嫌疑人', '被害人', '受害人', '患者', '死者', '伤者', '监护人', '户主', '承租人', '购房人', '继承人', '被执行人', '行政相对人', '驾驶人', '违法行为人'],
    detail: 'name',
    weight: 0.75,
  },
  { labels: ['法定代表人', '负责人', '经营者', '投资人'], detail: 'name-legal-rep', weight: 0.35 },
  { labels: ['联系人', '经办人', '承办人', '拟稿人', '核稿人', '审核人', '校对人'], detail: 'name-official', weight: 0.2 },
];
const labelInfo = new Map(labelGroups.flatMap((g) => g.labels.map((l) => [l, g] as const)));
const labelRe = new RegExp([...labelInfo.keys()].sort((x, y) => y.length - x.length).join('|'), 'g');

const isHan = (c: string | undefined): boolean => c !== undefined && /\p{Script=Han}/u.test(c);
const delimiter = /[，,。；;、：:（）()\s\n|/]/;
const afterBareName = /[，,。；;、（(\s]|于|因|向|称|在|对|系|是|等|的|反映|来信|来访|提出|诉|不服|自|现|户籍|男|女/y;

function surnameLength(candidate: string): number {
  if (compoundSurnames.some((s) => candidate.startsWith(s))) return 2;
  return surnames.has(candidate[0]!) ? 1 : 0;
}

function looksLikeName(candidate: string): boolean {
  const s = surnameLength(candidate);
  if (s === 0 || candidate.length < s + 1 || candidate.length > s + 2) return false;
  if (notNames.has(candidate.slice(0, 2))) return false;
  return [...candidate].every((c) => isHan(c)) && !/[某×Ｘ*＊]/.test(candidate);
}

function nameAfter(text: string, at: number, colon: boolean): { start: number; end: number } | null {
  if (colon) {
    let end = at;
    while (end < text.length && end - at <= 5 && !delimiter.test(text[end]!)) end++;
    const candidate = text.slice(at, end);
    if (end - at > 4 && !delimiter.test(text[end] ?? '。')) return null;
    return looksLikeName(candidate) ? { start: at, end } : null;
  }
  for (const length of [2, 3, 4]) {
    const candidate = text.slice(at, at + length);
    if (candidate.length < length || !looksLikeName(candidate)) continue;
    afterBareName.lastIndex = at + length;
    if (at + length === text.length || afterBareName.test(text)) return { start: at, end: at + length };
  }
  return null;
}

/** Names that a label says belong to a person: `姓名：张三`, `申请人王某某于…`, `举报人李四反映…`. */
export function findNames(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  for (const match of text.matchAll(labelRe)) {
    const label = labelInfo.get(match[0])!;
    let at = match.index + match[0].length;
    let colon = false;
    while (at < text.length && /[ \t]/.test(text[at]!)) at++;
    if (text[at] === '：' || text[at] === ':') {
      colon = true;
      at++;
      while (at < text.length && /[ \t]/.test(text[at]!)) at++;
    }
    const span = nameAfter(text, at, colon);
    if (span) hits.push({ piiType: 'name', ...span, weight: label.weight, detail: label.detail });
  }
  return hits;
}

const addressLabel = /(家庭住址|家庭地址|现住址|户籍地址|户籍所在地|居住地址|居住地|住址|现住|通讯地址|联系地址|住所地|住所|地址)\s*[：:]?\s*|[，,]\s*住(?![址所])(?=\p{Script=Han})/gu;
const addressParts = /[省市县区镇乡村街路巷弄号室栋幢楼组屯]/;

/** Addresses that a label says are a person's: `住址：…`, `，住玉环市…`. Business addresses score low. */
export function findAddresses(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  for (const match of text.matchAll(addressLabel)) {
    const start = match.index + match[0].length;
    let end = start;
    while (end < text.length && end - start < 60 && !/[，,。；;、\n（(]/.test(text[end]!)) end++;
    const value = text.slice(start, end).trim();
    if (value.length < 4 || !addressParts.test(value) || /^(同上|不详|无|略)/.test(value) || /[某×*＊]{2}/.test(value)) continue;
    const label = match[1] ?? '住';
    const business = /^(地址|通讯地址|联系地址|住所地|住所)$/.test(label);
    hits.push({ piiType: 'address', start, end: start + text.slice(start, end).trimEnd().length, weight: business ? 0.35 : 0.8, detail: business ? 'address-business' : 'address' });
  }
  return hits;
}
