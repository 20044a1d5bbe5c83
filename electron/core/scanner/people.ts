import type { Span } from '../../../shared/types.ts';
import type { NormalisedText } from './normalise.ts';
import type { PiiHit } from './pii.ts';
import { alignment, type Cutter } from './segmenter.ts';

// Common single and compound surnames. Surnames that are also everyday words (于, 和, 将, 要, 保, 来, 都…) are left out on purpose.
const surnames = new Set(
  ('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤庞樊兰殷施洪翟安颜倪牛温芦季俞章鲁葛伍申尤毕聂丛焦向柳邢路岳齐梅庄辛管祝左涂谷祁时舒耿牟卜詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位霍翁隋植甘景薄单包司柏宁柯阮桂闵解强柴华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫缪苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁蒙喻揭窦迟宇敖糜鄢冷卓花仇艾蓝巩井练仲乐虞卞封竺冼官衣楚佟栗匡宗巫鞠桑荆谌银扬沙伏岑习胥蔺')
    .split(''),
);
const compoundSurnames = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤'];

/** A name already anonymised in the text (王某, 李某某, 张××): still a person, but nothing left to redact. */
export const anonymisedName = new RegExp(`(?:${compoundSurnames.join('|')}|[${[...surnames].join('')}])(?:某某?|[×Ｘ*＊]{1,2})`, 'u');

// Two-character words that start with a surname character and follow these labels in ordinary prose.
const notNames = new Set(
  '陈述 申辩 高度 方式 方面 方案 周边 程序 安全 全部 全面 全体 任何 任务 明确 时间 文件 关于 成为 成立 应当 应该 可以 对于 提出 提供 本人 双方 未能 如实 依法 按照 提交 认为 须知 签字 签名 姓名 住址 性别 民族 等人 单位 所在 名单 情况 信息 基本 个人 本身 家属 代理 委托 向来 于是 马上 万元 石油 许可 祝贺 张贴 曾经 余额 宁可 史料 康复 常年 和解 金额 钱款 黄色 白色 江河 林业 高等 田间 童年 管理 路段 路口 车辆 房屋 华侨 乐意 宗教 商户 商家 温度 鲁莽 夏季 秦汉 宫殿 龙头 包括 包含 单独 单方 司法 柏油 兰花 简称 简要 牛羊 冷库 谈话 计划 解决 解释 强制 强化 都是 都有 来访 来信 原告 原件 原因 原则 官方 应用 台账 连续 连带 席位 项目 成本 游客 卫生 查处 查明 查询 查看 屈服 景区 花卉 包装 边界 车主 房产 罗列 车间 古建 保护 保存 全国 全市 全区 全县 全省 于本 向本 向其 严格 严禁 江苏 江西 湖南 广东 贵州 云南 黑龙 吉林 辽宁 甘肃 宁夏 青海 安徽 福建 山东 山西 河北 河南 湖北 陕西 海南 四川 重庆 上海 北京 天津 廖某 钟表 方可 方能 万一 任意 任职 任命 成员 时限 时期 高级 高新 黄金 金融 石化 管控 管辖 司机 车间 华东 华南 华北 宁波 温州 台州 杭州 嘉兴 湖州 金华 衢州 舒适 谷物 齐全 柯桥 景德 常州 苏州 钱塘 龙湾 鹿城 瓯海 乐清 余杭 萧山 临安 富阳 桐庐 江北 江南 江干 田地 田园 柴油 房租 房东 曲线 甘蔗 沙发 井盖 冷链 花园 花坛 庄园 戚属 习近 单元 包括 申请 申报 申明 申诉 周期 周岁 周年 周末 周知 程度 陶瓷 邵阳 孙子 毛巾 关注 关系 关联 关闭 关键 宫颈 苗木 苏醒'.split(' '),
);

const postTitle = /^(?:组长|局长|科长|处长|主任|书记|部长|厅长|县长|市长|区长|镇长|乡长|所长|站长|队长|院长|校长|委员|会长|经理|秘书|干事|成员)/;

interface LabelGroup {
  labels: string[];
  detail: string;
  weight: number;
}

const reporterLabels: LabelGroup = { labels: ['被举报人', '举报人', '信访人', '投诉人', '被投诉人', '来信人', '来访人', '反映人', '来电人', '控告人', '申诉人'], detail: 'name-reporter', weight: 0.9 };
const personLabels: LabelGroup = {
  labels: [
    '姓名', '当事人', '被处罚人', '被申请人', '申请人', '复议申请人', '第三人', '被告人', '犯罪嫌疑人', '嫌疑人', '被害人', '受害人', '患者', '死者', '伤者', '监护人', '户主', '承租人', '购房人', '继承人',
    '被执行人', '行政相对人', '驾驶人', '违法行为人', '被征收人', '被拆迁人', '收款人', '救助对象', '受助人', '补助对象', '申请对象', '上诉人', '被上诉人', '原告', '被告', '证人', '被检查人',
    '被调查人', '委托代理人', '代理人', '借款人', '缴款人', '被监护人', '赡养人', '抚养人', '受益人',
  ],
  detail: 'name',
  weight: 0.75,
};
const legalRepLabels: LabelGroup = { labels: ['法定代表人', '法人代表', '负责人', '经营者', '投资人'], detail: 'name-legal-rep', weight: 0.35 };
const officialLabels: LabelGroup = {
  labels: ['联系人', '经办人', '承办人', '拟稿人', '核稿人', '审核人', '校对人', '签发人', '主持人', '记录人', '执法人员', '调查人员', '登记人', '填报人', '审批人'],
  detail: 'name-official',
  weight: 0.2,
};
const labelGroups = [reporterLabels, personLabels, legalRepLabels, officialLabels];
const labelInfo = new Map(labelGroups.flatMap((g) => g.labels.map((l) => [l, g] as const)));
// Any other `…人：` label takes a person's name; the ones that name an official acting for the office are public.
const knownLabels = [...labelInfo.keys()].sort((x, y) => y.length - x.length).join('|');
const labelRe = new RegExp(`${knownLabels}|\\p{Script=Han}{1,4}人(?=\\s*[：:])`, 'gu');
// Without a colon the open `…人：` alternative cannot match, and the known labels alone are much cheaper to search for.
const knownLabelRe = new RegExp(knownLabels, 'gu');
// Every label ends in one of these characters: a paragraph without any of them (most) needs no label search.
const labelMark = new RegExp(`[人${[...new Set([...labelInfo.keys()].map((l) => l.at(-1)))].join('')}]`);
const officialRole = /(?:责任|负责|发言|撰稿|整理|记录|主持|出席|列席|审批|批准|填报|填表|制表|登记|签发|审核|复核|核稿|拟稿|校对|经办|承办|联系|带班|值班|执法|检查|调查|鉴定|评审|主讲|监督|代表|见证|受理|接待|送达|抄送|起草|讲解|解读|解答|答疑|发布|咨询)人$/;
const genericLabel: LabelGroup = { labels: [], detail: 'name', weight: 0.6 };

const isHan = (c: string | undefined): boolean => c !== undefined && /\p{Script=Han}/u.test(c);
const delimiter = /[，,。；;、：:（）()\s|/【】\[\]“”"'‘’]/;
const afterBareName = /[，,。；;、：:（(\s]|于|因|向|称|在|对|系|是|等|的|反映|来信|来访|提出|诉|不服|自|现|户籍|男|女|同志/y;
// Field labels that follow a name on the same line once whitespace is gone (`张伟身份证号码：…`).
const fieldAfter = /性别|男|女|民族|汉族|出生|身份证|公民身份|证件|住址|住所|现住|户籍|籍贯|联系|电话|手机|年龄|职务|职业|工作单位|地址|证号|号码|文化程度|学历|政治面貌|系|于|因|同志/y;

function surnameLength(candidate: string): number {
  if (compoundSurnames.some((s) => candidate.startsWith(s))) return 2;
  return surnames.has(candidate[0]!) ? 1 : 0;
}

/** 2–4 Han characters starting with a common surname, not an everyday word, not already anonymised (张某, 李××). */
export function looksLikeName(candidate: string): boolean {
  const s = surnameLength(candidate);
  if (s === 0 || candidate.length < s + 1 || candidate.length > s + 2) return false;
  if (notNames.has(candidate.slice(0, 2))) return false;
  // `负责人任组长`, `由其兼任主任`: a surname character followed by a post is a verb and a title.
  if (postTitle.test(candidate.slice(s))) return false;
  return [...candidate].every((c) => isHan(c)) && !/[某×Ｘ*＊]/.test(candidate);
}

/** A paragraph of normalised text; `broken(i)` is true where extraction whitespace was removed before index i. */
interface Segment {
  text: string;
  offset: number;
  broken(i: number): boolean;
  cut: Cutter;
}

function followedBy(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

function nameAfterColon(seg: Segment, at: number): Span | null {
  const t = seg.text;
  let end = at;
  while (end < t.length && end - at <= 5 && !delimiter.test(t[end]!) && !(end > at && seg.broken(end))) end++;
  const candidate = t.slice(at, end);
  const closed = end === t.length || delimiter.test(t[end]!) || seg.broken(end) || followedBy(fieldAfter, t, end);
  if (closed && looksLikeName(candidate)) return { start: at, end };
  // The name runs into the next field: `张伟身份证号码：…`.
  for (const length of [2, 3, 4]) {
    if (looksLikeName(t.slice(at, at + length)) && followedBy(fieldAfter, t, at + length)) return { start: at, end: at + length };
  }
  return null;
}

function nameInline(seg: Segment, at: number): Span | null {
  const t = seg.text;
  for (const length of [2, 3, 4]) {
    const candidate = t.slice(at, at + length);
    if (candidate.length < length || !looksLikeName(candidate)) continue;
    if (at + length !== t.length && !followedBy(afterBareName, t, at + length)) continue;
    // The name must end where a word ends: `姓名和联系方式` cuts 和联 out of 联系.
    const bounds = seg.cut(t, at, Math.min(t.length, at + length + 4));
    if (alignment(bounds, at, at + length) === 'crosses-words') continue;
    return { start: at, end: at + length };
  }
  return null;
}

/** `实名举报人` is a 举报人: the generic `…人：` match keeps the group of a known label it ends with. */
function suffixLabel(label: string): LabelGroup | undefined {
  for (let i = 1; i < label.length - 1; i++) {
    const group = labelInfo.get(label.slice(i));
    if (group) return group;
  }
  return undefined;
}

function labelledNames(seg: Segment, soleTrader: boolean): PiiHit[] {
  const hits: PiiHit[] = [];
  const t = seg.text;
  if (!labelMark.test(t)) return hits;
  for (const match of t.matchAll(t.includes('：') || t.includes(':') ? labelRe : knownLabelRe)) {
    let group = labelInfo.get(match[0]) ?? suffixLabel(match[0]) ?? (officialRole.test(match[0]) ? officialLabels : genericLabel);
    if (group === legalRepLabels && soleTrader) group = { labels: [], detail: 'name-sole-trader', weight: 0.75 };
    let at = match.index + match[0].length;
    let colon = false;
    while (at < t.length && /[ \t]/.test(t[at]!)) at++;
    if (t[at] === '：' || t[at] === ':') {
      colon = true;
      at++;
      while (at < t.length && /[ \t]/.test(t[at]!)) at++;
    }
    if (!colon && !labelInfo.has(match[0])) continue;
    const span = colon ? nameAfterColon(seg, at) : nameInline(seg, at);
    if (span) hits.push({ piiType: 'name', start: span.start, end: span.end, weight: group.weight, detail: group.detail });
  }
  return hits;
}

// `张三，男，1985年3月出生` and `（村民）张三（身份证号…）`: a personal profile, even without a label.
const profileTail = String.raw`(?:[，,（(]\s*[男女](?=[，,、）)\s]|性)|[（(]\s*(?:身份证|公民身份|证件号|户籍|家住|现住|现居|住址|\d{1,3}\s*周?岁|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*(?:出)?生))`;
const profileRe = new RegExp(String.raw`(?<=^|[，,。；;：:、（(\s\t]|\d[.．]|(?:村民|居民|市民|农民|群众|职工|员工|业主|户主|老人|学生|男子|女子))(\p{Script=Han}{2,4})` + profileTail, 'gu');
// The cheap half of the pattern first: without a 性别, 身份证 or age cue a paragraph holds no profile.
const profileCue = new RegExp(profileTail, 'u');

function profileNames(seg: Segment, appointee: boolean): PiiHit[] {
  const hits: PiiHit[] = [];
  if (!profileCue.test(seg.text)) return hits;
  for (const match of seg.text.matchAll(profileRe)) {
    if (!looksLikeName(match[1]!)) continue;
    hits.push({ piiType: 'name', start: match.index, end: match.index + match[1]!.length, weight: appointee ? 0.3 : 0.75, detail: appointee ? 'name-appointee' : 'name-profile' });
  }
  return hits;
}

const nameColumn = /^(?:姓名|户主|户主姓名|申请人|申请人姓名|救助对象|被征收人|受助人|当事人|患者|患者姓名|对象姓名)$/;
const addressColumn = /^(?:家庭住址|住址|现住址|居住地址|户籍地址|家庭地址|住所)$/;

interface TableState {
  name: number;
  address: number;
}

function cells(seg: Segment): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (const part of seg.text.split('\t')) {
    const lead = part.length - part.trimStart().length;
    out.push({ text: part.trim(), start: start + lead });
    start += part.length + 1;
  }
  return out;
}

/** Rows under a header with a 姓名 or 住址 column (tables arrive one row per paragraph, cells split by tabs). */
function tableCells(seg: Segment, state: TableState | null, publicList: boolean): { hits: PiiHit[]; state: TableState | null } {
  if (!seg.text.includes('\t')) return { hits: [], state: null };
  const row = cells(seg);
  const header = { name: row.findIndex((c) => nameColumn.test(c.text)), address: row.findIndex((c) => addressColumn.test(c.text)) };
  if (header.name >= 0 || header.address >= 0) return { hits: [], state: header };
  if (!state) return { hits: [], state: null };
  const hits: PiiHit[] = [];
  const name = row[state.name];
  if (name && looksLikeName(name.text)) {
    hits.push({ piiType: 'name', start: name.start, end: name.start + name.text.length, weight: publicList ? 0.3 : 0.75, detail: publicList ? 'name-publicity' : 'name-table' });
  }
  const address = row[state.address];
  if (address && address.text.length >= 4 && addressParts.test(address.text)) {
    hits.push({ piiType: 'address', start: address.start, end: address.start + address.text.length, weight: 0.8, detail: 'address' });
  }
  return { hits, state };
}

const personalAddressLabel = '家庭住址|家庭地址|现住址|户籍地址|户籍所在地|户籍地|居住地址|经常居住地|现居住地|居住地|暂住地|住址|家住|现住|现居住|现居|居住于|居住在';
const sharedAddressLabel = '住所地|住所|通讯地址|通信地址|联系地址|送达地址|邮寄地址|地址|房屋坐落|坐落';
const addressLabel = new RegExp(`(${personalAddressLabel}|${sharedAddressLabel})\\s*[：:]?\\s*|[，,]\\s*住(?![址所])(?=\\p{Script=Han})`, 'gu');
// Every address label above holds one of these characters.
const addressMark = /[住址居坐籍]/;
const personalLabel = new RegExp(`^(?:${personalAddressLabel})$`);
const addressParts = /[省市县区镇乡村街路巷弄号室栋幢楼组屯]/;
const addressEnd = /[，,。；;、\n（()）\t]/;
const nextField = /联系电话|联系方式|电话|手机|身份证|公民身份|邮编|邮政编码|统一社会信用代码|法定代表人|负责人|经营者|性别|民族|出生|职业|工作单位|补偿金额|开户/;
const concrete = /(?<!\d)\d+\s*[号室栋幢楼组弄]|(?<![一二三四五六七八九十])[一二三四五六七八九十]+组/;
const personCue = /[，,（(\s][男女][，,）)\s]|出生|身份证|公民身份|个体工商户|经营者|被征收人|自然人|姓名|[你您]的|本人/;
// An address that ends at an office or firm (……148号市教育局人事处) is where a body receives mail.
const organisationAddress = /(?:人民政府|政府|局|委员会|委|办公室|办|中心|处|科|院|厅|所|站|公司|窗口|大厅|大厦|大楼)$/;
// 市政府大院4号楼, 机关大院: a government compound receives mail for the offices in it.
const governmentCompound = /(?:政府|机关|党政|市委|县委|区委|委员会|局)大院/;
// `被申请人：……市场监督管理局，住所地……`: the seat of the body just named.
const organisationSeat = /(?:局|委员会|委|人民政府|政府|办公室|中心|公司|集团|医院|学校|银行|合作社|厂|院|所)[，,]\s*$/;
// An address under the office's own 联系人 or 咨询电话 lines is where the office receives mail.
const contactBlock = /(?:联系人|联系电话|咨询电话|监督电话|受理电话|举报电话|值班电话|办公电话)\s*[：:]/;
const organisationCue = /公司|合作社|集团|厂|协会|学校|医院|事务所|法定代表人|统一社会信用代码|单位名称|机构/;

/** Addresses a label says are a person's: `住址：…`, `，住玉环市…`; 住所 and 地址 only when the text around speaks of a person. */
function labelledAddresses(seg: Segment, before: (at: number) => string, names: readonly PiiHit[]): PiiHit[] {
  const hits: PiiHit[] = [];
  const t = seg.text;
  if (!addressMark.test(t)) return hits;
  for (const match of t.matchAll(addressLabel)) {
    const start = match.index + match[0].length;
    let end = start;
    while (end < t.length && end - start < 60 && !addressEnd.test(t[end]!)) end++;
    let value = t.slice(start, end);
    const field = nextField.exec(value);
    if (field && field.index >= 4) value = value.slice(0, field.index);
    value = value.trimEnd();
    if (value.length < 4 || !addressParts.test(value) || /^(同上|不详|无|略)/.test(value)) continue;
    if (/[某×*＊]{2}/.test(value) && !concrete.test(value)) continue;
    const label = match[1] ?? '住';
    let personal = label === '住' || personalLabel.test(label);
    if (!personal && !organisationAddress.test(value) && !governmentCompound.test(value) && !organisationSeat.test(t.slice(0, match.index))) {
      const context = before(match.index);
      const namedPerson = names.some((n) => n.weight >= 0.5 && n.start < match.index + seg.offset && n.start > match.index + seg.offset - 150);
      personal = namedPerson || (personCue.test(context) && !organisationCue.test(context) && !contactBlock.test(context.slice(-60)));
    }
    hits.push({ piiType: 'address', start, end: start + value.length, weight: personal ? 0.8 : 0.35, detail: personal ? 'address' : 'address-business' });
  }
  return hits;
}

/** A reply to a person opens with their name as the addressee: `何文斌：`. */
function addresseeName(seg: Segment): PiiHit[] {
  const match = /^(\p{Script=Han}{2,4})\s*[：:]\s*$/u.exec(seg.text);
  // Bodies are addressed the same way (黄岩区：, 林业局：); their names end in an administrative suffix.
  if (!match || labelInfo.has(match[1]!) || /[区县市省镇乡村局委办院所厅处科站队部司社组]$/.test(match[1]!) || !looksLikeName(match[1]!)) return [];
  return [{ piiType: 'name', start: 0, end: match[1]!.length, weight: 0.75, detail: 'name-addressee' }];
}

/** Names and addresses, paragraph by paragraph, in normalised text; offsets are normalised. */
export function findPeople(n: NormalisedText, paragraphs: readonly Span[], cut: Cutter): PiiHit[] {
  const text = n.text;
  const soleTrader = /个体工商户|个体户|个体经营|个人独资/.test(text);
  const appointee = /任前公示|拟任|公示对象|拟提拔|任职前公示/.test(text.slice(0, 400));
  // Names in a list the document itself publishes (……名单公示, 表彰名单) are published on purpose; identifiers beside them are not.
  const publicList = /公示|公布|表彰|名单的(?:通知|公告)/.test(text.slice(0, 200));
  const names: PiiHit[] = [];
  const addresses: PiiHit[] = [];
  let table: TableState | null = null;
  for (const p of paragraphs) {
    if (p.end <= p.start) continue;
    const offset = p.start;
    const seg: Segment = { text: text.slice(p.start, p.end), offset, broken: (i) => n.origin[offset + i]! - n.origin[offset + i - 1]! > 1, cut };
    const shift = (h: PiiHit): PiiHit => ({ ...h, start: h.start + offset, end: h.end + offset });
    const inTable = tableCells(seg, table, publicList);
    table = inTable.state;
    const local = [...labelledNames(seg, soleTrader), ...profileNames(seg, appointee), ...addresseeName(seg), ...inTable.hits.filter((h) => h.piiType === 'name')];
    names.push(...local.map(shift));
    addresses.push(...inTable.hits.filter((h) => h.piiType === 'address').map(shift));
    const before = (at: number) => text.slice(Math.max(0, offset + at - 150), offset + at);
    addresses.push(...labelledAddresses(seg, before, names).map(shift));
  }
  return [...names, ...addresses];
}
