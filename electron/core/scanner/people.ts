import nodejieba from 'nodejieba';
import type { Span } from '../../../shared/types.ts';
import { Automaton } from './automaton.ts';
import type { NormalisedText } from './normalise.ts';
import { findIdentifiers, type PiiHit } from './pii.ts';
import { alignmentWithin, tokenHolding, type Cutter } from './segmenter.ts';
import { firstEndingAfter, firstStartingFrom } from './sorted.ts';

// Common single and compound surnames. Surnames that are also everyday words (于, 和, 将, 要, 保, 来, 都…) are left out on purpose.
const surnames = new Set(
  ('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤庞樊兰殷施洪翟安颜倪牛温芦季俞章鲁葛伍申尤毕聂丛焦向柳邢路岳齐梅庄辛管祝左涂谷祁时舒耿牟卜詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位霍翁隋植甘景薄单包司柏宁柯阮桂闵解强柴华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫缪苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁蒙喻揭窦迟宇敖糜鄢冷卓花仇艾蓝巩井练仲乐虞卞封竺冼官衣楚佟栗匡宗巫鞠桑荆谌银扬沙伏岑习胥蔺阎乔芮戈寇邰仝亓郦蒲储逄逯鄂宦缑隗')
    .split(''),
);
// Real surnames that are also everyday characters (于洋, 文静, 常青, 和平安): read as a surname only right after a word that introduces a person.
const everydaySurnames = new Set('于和文常代应楼裘骆茅才那门佘展帅邝麦刀海过原信计操随晁雍闻相幸易凡尚荣麻战厉占暴蔚'.split(''));
const compoundSurnames = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤'];

/** A name already anonymised in the text (王某, 李某某, 张××): still a person, but nothing left to redact. */
export const anonymisedName = new RegExp(`(?:${compoundSurnames.join('|')}|[${[...surnames].join('')}])(?:某某?|[×Ｘ*＊]{1,2})`, 'u');

// Two-character words that start with a surname character and follow these labels in ordinary prose.
const notNames = new Set(
  '陈述 申辩 高度 方式 方面 方案 周边 程序 安全 全部 全面 全体 任何 任务 明确 时间 文件 关于 成为 成立 应当 应该 可以 对于 提出 提供 本人 双方 未能 如实 依法 按照 提交 认为 须知 签字 签名 姓名 住址 性别 民族 等人 单位 所在 名单 情况 信息 基本 个人 本身 家属 代理 委托 向来 于是 马上 万元 石油 许可 祝贺 张贴 曾经 余额 宁可 史料 康复 常年 和解 金额 钱款 黄色 白色 江河 林业 高等 田间 童年 管理 路段 路口 车辆 房屋 华侨 乐意 宗教 商户 商家 温度 鲁莽 夏季 秦汉 宫殿 龙头 包括 包含 单独 单方 司法 柏油 兰花 简称 简要 牛羊 冷库 谈话 计划 解决 解释 强制 强化 都是 都有 来访 来信 原告 原件 原因 原则 官方 应用 台账 连续 连带 席位 项目 成本 游客 卫生 查处 查明 查询 查看 屈服 景区 花卉 包装 边界 车主 房产 罗列 车间 古建 保护 保存 全国 全市 全区 全县 全省 于本 向本 向其 严格 严禁 江苏 江西 湖南 广东 贵州 云南 黑龙 吉林 辽宁 甘肃 宁夏 青海 安徽 福建 山东 山西 河北 河南 湖北 陕西 海南 四川 重庆 上海 北京 天津 廖某 钟表 方可 方能 万一 任意 任职 任命 成员 时限 时期 高级 高新 黄金 金融 石化 管控 管辖 司机 车间 华东 华南 华北 宁波 温州 台州 杭州 嘉兴 湖州 金华 衢州 舒适 谷物 齐全 柯桥 景德 常州 苏州 钱塘 龙湾 鹿城 瓯海 乐清 余杭 萧山 临安 富阳 桐庐 江北 江南 江干 田地 田园 柴油 房租 房东 曲线 甘蔗 沙发 井盖 冷链 花园 花坛 庄园 戚属 习近 单元 包括 申请 申报 申明 申诉 周期 周岁 周年 周末 周知 程度 陶瓷 邵阳 孙子 毛巾 关注 关系 关联 关闭 关键 宫颈 苗木 苏醒'.split(' '),
);

const postTitle = /^(?:组长|局长|科长|科员|处长|主任|书记|部长|厅长|县长|市长|区长|镇长|乡长|所长|站长|队长|院长|校长|委员|会长|经理|秘书|干事|干部|专员|成员)/;
// 王女士, 李师傅, 刘工: a surname with a courtesy title is how a caller is named when the name is withheld.
const courtesyTitle = /^(?:先生|女士|小姐|师傅|阿姨|大爷|大妈|大娘|大姐|大哥|老师|医生|护士|同学|老板|总|工)$/;
const courtesy = /(?:先生|女士|小姐|师傅|阿姨|大爷|大妈|大娘|大姐|大哥)/y;
// Syllables of Tibetan, Mongolian, Uyghur and Yi names written in characters (扎西顿珠, 巴特尔, 阿依古丽, 阿支木呷).
const transliteration = new Set(
  '阿巴扎西顿珠次仁卓玛格桑拉姆特尔乌云其木依古丽莫日根支呷吉克达瓦索朗买提吐逊米热艾则孜尼沙汗力曼罕斯坦布德央宗多杰旺堆措曲贡嘎琼普赤苏塔娜图兰敖包音朝鲁哈毕勒亚库帕穆默伊努衣加丹增白玛旦不都合吾麦迪萨夏祖娃开尤甫排赛拜卡姑'.split(''),
);

const han = /\p{Script=Han}/u;
const isHan = (c: string | undefined): boolean => c !== undefined && han.test(c);
const allHan = /^\p{Script=Han}*$/u;
const delimiter = /[，,。；;、：:（）()\s|/【】\[\]“”"'‘’]/;

function surnameLength(candidate: string, everyday = false): number {
  if (compoundSurnames.some((s) => candidate.startsWith(s))) return 2;
  const first = candidate[0]!;
  return surnames.has(first) || (everyday && everydaySurnames.has(first)) ? 1 : 0;
}

/**
 * 2–4 Han characters starting with a common surname, not an everyday word, not already anonymised (张某, 李××).
 * `everyday`: also accept surnames that are everyday characters, for text a cue word has already tied to a person.
 */
export function looksLikeName(candidate: string, everyday = false): boolean {
  return nameShape(candidate, everyday, false);
}

/** `sure`: the text after the candidate leaves no doubt, so `黄金宝（男，…）` is a name although `黄金` is a word. */
function nameShape(candidate: string, everyday: boolean, sure: boolean): boolean {
  const s = surnameLength(candidate, everyday);
  if (s === 0 || candidate.length < s + 1 || candidate.length > s + 2) return false;
  if (notNames.has(candidate.slice(0, 2)) && !(sure && candidate.length === 3)) return false;
  // `负责人任组长`, `由其兼任主任`: a surname character followed by a post is a verb and a title.
  if (postTitle.test(candidate.slice(s)) || courtesyTitle.test(candidate.slice(s))) return false;
  return allHan.test(candidate) && !/[某×Ｘ*＊]/.test(candidate);
}

/** 扎西顿珠, 买买提·吐尔逊: a name written in transliteration syllables, with or without the separating dot. */
function looksTransliterated(candidate: string): boolean {
  // Every part is non-empty and made of syllables, so the first character already tells most candidates apart.
  if (!transliteration.has(candidate[0]!)) return false;
  const parts = candidate.split(/[·•・]/);
  if (parts.some((p) => p.length < 1 || p.length > 6) || candidate.length > 16) return false;
  if (parts.length === 1 && candidate.length < 2) return false;
  return parts.every((p) => [...p].every((c) => transliteration.has(c)));
}

// The dictionary was loaded by createScanner (prepareSegmenter) before any scan reaches this module.
const tagCache = new Map<string, { word: string; tag: string }[]>();
function tags(candidate: string): { word: string; tag: string }[] {
  let t = tagCache.get(candidate);
  if (!t) {
    t = nodejieba.tag(candidate);
    if (tagCache.size > 50_000) tagCache.clear();
    tagCache.set(candidate, t);
  }
  return t;
}
const nameTag = /^(?:nr|nrt|nrfg|x|zg)$/;
const placeTag = /^(?:ns|nz)$/;

const functionTag = /^(?:p|c|d|u\w*|r|f)$/;

/** A dictionary word that is not a person's name (路线, 查阅, 万里, 方圆). */
function isOrdinaryWord(candidate: string): boolean {
  const t = tags(candidate);
  return t.length === 1 && !nameTag.test(t[0]!.tag) && !placeTag.test(t[0]!.tag);
}

// Function characters no given name is made of (应自收到, 代未成年人, 常又, 于已).
const functionChars = new Set('自从向于对在被把为与和及或而且并也又已将未曾仍即亦尚乃则就都只还再所之的了着过'.split(''));
const nameLike = (t: { word: string; tag: string }): boolean => nameTag.test(t.tag) || placeTag.test(t.tag);

/** Every word jieba sees in the value is a name, a place or unknown to it, and no character is a function word (not 联系电话, 法学类). */
function tagsSayName(value: string): boolean {
  return tags(value).every((t) => (t.word.length > 1 ? nameLike(t) : !functionTag.test(t.tag)));
}

/**
 * How jieba reads the candidate against a name. `hard`: a preposition or conjunction before words (向有权的, 和被投诉人, 向国家):
 * never a name. `soft`: a word that swallows the surname (过程中, 相关的, 马力, 幸福感), or a surname that is an everyday
 * character read as a verb or adverb (应缴纳, 才海燕): a name only where what follows leaves no doubt. 曹博文, 王萱凤, 欧阳丽华
 * and given names that are words (柴国庆) are not contradicted.
 */
function contradicts(candidate: string, window: string): 'hard' | 'soft' | null {
  const s = surnameLength(candidate, true);
  const everyday = s === 1 && !surnames.has(candidate[0]!);
  const around = tags(window);
  if (around[0]!.word.length === 1 && functionTag.test(around[0]!.tag) && around[1] && !nameTag.test(around[1].tag)) return 'hard';
  const own = tags(candidate);
  // 和被投诉人: a preposition or conjunction in the given name.
  if (own.slice(1).some((t) => t.word.length === 1 && /^(?:p|c|u\w*)$/.test(t.tag))) return 'hard';
  const first = own[0]!;
  if (first.word.length > s && (!nameLike(first) || (everyday && first.tag !== 'x'))) return 'soft';
  const givenName = around[1] !== undefined && around[1].word.length > 1 && /^(?:nr|nrt|nrfg|x|ns)$/.test(around[1].tag);
  if (everyday && around[0]!.word.length === 1 && ((!nameLike(around[0]!) && !givenName) || own.slice(1).some((t) => t.word.length > 1 && !nameLike(t)))) return 'soft';
  // 应自收到, 代未成年人: jieba may join an everyday surname with the next character; the given name alone must still read as one.
  if (everyday && (!tagsSayName(candidate.slice(s)) || [...candidate.slice(s)].some((c) => functionChars.has(c)))) return 'soft';
  if (around[0]!.word.length === 1 && functionTag.test(around[0]!.tag)) return 'soft';
  return null;
}

/** The candidate ends inside a word of which two or more characters follow it (代未|成年人); `吴福生|于去年` ends well. */
function runsIntoWord(seg: Segment, end: number): boolean {
  const word = tokenHolding(seg.cut, seg.text, Math.max(0, end - 4), Math.min(seg.text.length, end + 6), end);
  return word !== null && word[1] - end >= 2;
}

/** Transliterated names contain no ordinary word of two or more characters (多次 is not a name). */
function transliterationReadsAsName(candidate: string): boolean {
  if (/[·•・]/.test(candidate)) return true;
  return tags(candidate.replace(/[·•・]/g, '')).every((t) => t.word.length === 1 || nameTag.test(t.tag) || placeTag.test(t.tag));
}

// ---------- where a name ends ----------

// Words that take an object: a name is followed by them only when something follows them (李有为。 is one name).
const transitiveAfter = new Set('和与及或因于在向对从被把将为是给让同跟由自经到'.split(''));
// Single characters that follow a name (王芳家, 张伟等, 李强的); a third character that is one of them usually is not part of the name.
const followerChar = new Set([...transitiveAfter, ...'等的之家户已也还又曾现并不未均都称说诉患持携受'.split('')]);
const followerWord = new RegExp(
  `(?:${[
    '来电', '致电', '来信', '来访', '前来', '反映', '表示', '要求', '希望', '认为', '提出', '同意', '通过', '利用', '申请', '办理', '领取', '签字', '签名', '出生', '今年', '现年', '年逾', '年过', '年满', '年近',
    '一家', '夫妇', '本人', '同志', '因病', '去世', '死亡', '受伤', '住院', '就诊', '就读', '务工', '打工', '在外', '回乡', '独自', '长期', '常年', '多次', '再次', '第[一二三四五六七八九十]', '拒绝', '承认', '驾驶',
    '作出', '获得', '享受', '落实', '术后', '一行', '投诉', '举报', '咨询', '求助', '建议', '不服', '户籍', '名下', '涉嫌', '受到', '男', '女', '岁',
  ].join('|')})`,
  'y',
);
// After these a name is certainly a person's: a verb of speech or a bracket of personal particulars.
const personFollower = /(?:来电|致电|来信|来访|留言|反映|表示|称(?![号谓赞])|说(?![明法服])|诉称|投诉|举报|咨询|求助|在外|一家|本人|同志|夫妇|今年|现年|年逾|患有|因病|病逝|去世|等\s*\d+\s*[人户名]|通过\s*(?:\d|热线|电话|市长信箱|网络|信件)|在[^，,。；;\n]{1,12}?(?:留言|反映|投诉|举报|咨询|来电))/y;
// `业主文静，家庭住址：…`: the particulars go on after a comma.
const personalAfterComma = /[，,]\s*(?:家庭住址|家住|住址|现住|身份证|公民身份|联系电话|联系方式|电话|手机|[男女][，,]|\d{1,3}\s*周?岁)/y;
// `（联系电话…）`, `（身份证号…）`, `（男，…）`, `（其女儿）`, `（新桥镇下洋村）来信`: particulars of the person just named.
const kinWords = '儿子|女儿|妻子|丈夫|父亲|母亲|孙子|孙女|外孙|外孙女|侄子|侄女|外甥|外甥女|儿媳|女婿|哥哥|弟弟|姐姐|妹妹|配偶|家属|亲属|爷爷|奶奶|外公|外婆';
const personalBracket = new RegExp(
  `[（(]\\s*(?:(?:联系)?电话|手机|联系方式|来电号码|身份证|公民身份|证件|住址|家住|现住|户籍|[男女](?=[，,、）)\\s])|\\d{1,3}\\s*周?岁|1[3-9]\\d|0\\d{2,3}[-－）)]|(?:系|是)?其?(?:${kinWords})|持证|[^（()）\\n]{1,16}[镇乡村组][）)]\\s*(?:来电|来信|来访|反映|称|诉|：|:))`,
  'y',
);

function followedBy(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** What follows leaves no doubt that a person was just named. */
const surelyPerson = (text: string, at: number): boolean => followedBy(personalBracket, text, at) || followedBy(personalAfterComma, text, at) || followedBy(personFollower, text, at);

/** Where a candidate may end: a delimiter, a word that follows names, or (per jieba) the start of a word of two or more characters. */
function endsWell(seg: Segment, end: number): boolean {
  const t = seg.text;
  if (end >= t.length || delimiter.test(t[end]!) || /[\d…—！!？?-]/.test(t[end]!) || seg.broken(end)) return true;
  if (followedBy(followerWord, t, end)) return true;
  const c = t[end]!;
  if (followerChar.has(c)) return !transitiveAfter.has(c) || (end + 1 < t.length && !delimiter.test(t[end + 1]!));
  const bounds = seg.cut(t, end, Math.min(t.length, end + 6));
  return bounds.length > 2 && bounds[1]! - end >= 2;
}

/** A paragraph of normalised text; `broken(i)` is true where extraction whitespace was removed before index i. */
interface Segment {
  text: string;
  offset: number;
  broken(i: number): boolean;
  cut: Cutter;
}

type Strength = 'label' | 'cue';

const hanRun = /[\p{Script=Han}·•・]{2,16}/uy;

/**
 * The name starting at `at` after a word that introduces a person. Lengths are tried as a clerk writes them: the
 * candidate must end where a name can end, and a third character that usually follows names (王芳家, 黄东于) is not taken.
 * Ordinary words (路线, 万里) pass only before a bracket of particulars or a verb of speech, or after a colon label.
 */
function nameAt(seg: Segment, at: number, strength: Strength): Span | null {
  const t = seg.text;
  if (!isHan(t[at])) return null;
  const options: Span[] = [];
  const s = surnameLength(t.slice(at, at + 2), true);
  // 白先生, 王女士: the caller is named by surname and title only.
  if (s > 0 && followedBy(courtesy, t, at + s)) return null;
  const plausible: Span[] = [];
  if (s > 0) {
    for (const length of [s + 1, s + 2]) {
      const candidate = t.slice(at, at + length);
      if (candidate.length < length || !allHan.test(candidate) || seg.broken(at + length - 1)) continue;
      const sure = surelyPerson(t, at + length);
      if (!nameShape(candidate, true, sure)) continue;
      const against = contradicts(candidate, t.slice(at, at + length + 3));
      if (against === 'hard' || (against === 'soft' && !sure)) continue;
      // A word that follows names outweighs jieba's grouping (慕容生|长期在外, not 慕容|生长期).
      if (!followedBy(followerWord, t, at + length) && runsIntoWord(seg, at + length)) continue;
      if (endsWell(seg, at + length)) options.push({ start: at, end: at + length });
      else plausible.push({ start: at, end: at + length });
    }
  }
  if (options.length === 0) {
    hanRun.lastIndex = at;
    const m = hanRun.exec(t);
    if (m) {
      for (let length = Math.min(m[0].length, 16); length >= 2; length--) {
        const candidate = t.slice(at, at + length);
        if (/[·•・]$/.test(candidate) || !looksTransliterated(candidate) || !endsWell(seg, at + length) || !transliterationReadsAsName(candidate)) continue;
        options.push({ start: at, end: at + length });
        break;
      }
    }
  }
  // Nothing after the name is a word jieba knows (虞德胜优亲厚友): the usual three characters, if jieba keeps them apart.
  if (options.length === 0 && plausible.length > 0) {
    for (const span of [...plausible].sort((a, b) => Math.abs(a.end - a.start - 3) - Math.abs(b.end - b.start - 3))) {
      if (alignmentWithin(seg.cut, t, at, Math.min(t.length, span.end + 6), span.start, span.end) === 'aligned') return span;
    }
  }
  if (options.length === 0) return null;
  if (options.length === 1) return options[0]!;
  const [short, long] = options as [Span, Span];
  return followerChar.has(t[long.end - 1]!) ? short : long;
}

// ---------- words that introduce a person ----------

interface LabelGroup {
  labels: string[];
  detail: string;
  weight: number;
}

const reporterLabels: LabelGroup = {
  labels: ['被举报人', '举报人', '信访人', '投诉人', '被投诉人', '来信人', '来访人', '反映人', '来电人', '控告人', '申诉人', '诉求人', '来访人员', '来电人员', '信访人员'],
  detail: 'name-reporter',
  weight: 0.9,
};
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
// Words a clerk puts before a member of the public (市民张伟, 村民李秀英, 学生家长王芳, 其女儿刘佳): no colon, the name follows at once.
const roleGroup: LabelGroup = {
  labels: [
    '外来务工人员', '退休职工', '困难群众', '困难学生', '困难职工', '困难户', '低收入农户', '特困供养人员', '特困人员', '五保户', '低保户', '脱贫户', '贫困户', '残疾人', '独居老人', '空巢老人', '留守儿童', '单亲母亲', '单亲父亲',
    '学生家长', '患者家属', '家属', '病人', '市民', '居民', '村民', '群众', '业主', '职工', '员工', '租户', '房东', '车主', '商户', '网民', '老人', '学生', '儿童', '幼儿', '农户', '农民', '渔民', '摊主', '店主', '老板',
    '包工头', '邻居', '家长', '孕妇', '产妇', '考生', '署名', '实名举报人',
  ],
  detail: 'name',
  weight: 0.75,
};
const kinGroup: LabelGroup = {
  labels: [
    ...['子', '女', '妻', '夫', '父', '母', '儿子', '女儿', '妻子', '丈夫', '父亲', '母亲', '孙子', '孙女', '外孙', '外孙女', '侄子', '侄女', '外甥', '外甥女', '儿媳', '女婿', '哥哥', '弟弟', '姐姐', '妹妹', '配偶', '兄', '弟', '姐', '妹'].map((k) => `其${k}`),
    '儿子', '女儿', '妻子', '丈夫', '父亲', '母亲', '孙子', '孙女', '侄子', '侄女', '外甥', '儿媳', '女婿', '爷爷', '奶奶', '外公', '外婆', '孩子', '之子', '之女', '之妻', '之夫', '之父', '之母',
  ],
  detail: 'name',
  weight: 0.75,
};
// A post before a name (村委会主任王某) names an official in office, who is public; it is read only where the sentence complains about them.
const postGroup: LabelGroup = { labels: ['村委会主任', '村支书', '村长', '主任', '书记', '组长', '经理', '厂长', '校长', '院长', '班主任'], detail: 'name-official', weight: 0.3 };
const complaint = /举报|投诉|控告|反映|检举/;

const labelGroups = [reporterLabels, personLabels, legalRepLabels, officialLabels];
const labelInfo = new Map(labelGroups.flatMap((g) => g.labels.map((l) => [l, g] as const)));
const cueInfo = new Map([...labelInfo, ...[roleGroup, kinGroup, postGroup].flatMap((g) => g.labels.filter((l) => !labelInfo.has(l)).map((l) => [l, g] as const))]);
const longestFirst = (words: Iterable<string>): string => [...words].sort((x, y) => y.length - x.length).join('|');
// Any other `…人：` label takes a person's name; the ones that name an official acting for the office are public.
const labelRe = new RegExp(`${longestFirst(cueInfo.keys())}|\\p{Script=Han}{1,4}人员?(?=\\s*[：:])`, 'gu');
const cueRe = new RegExp(longestFirst(cueInfo.keys()), 'gu');
const cueAutomaton = new Automaton([...cueInfo.keys()]);
const space = /\s/;
const astral = /[\ud800-\udfff]/;

/**
 * The matches of `labelRe` (with `generic`) or `cueRe` in a paragraph, found as the regex engine finds them (leftmost,
 * the longest cue word first, then a `…人：` label) but with one automaton pass instead of trying every cue word at
 * every character.
 */
function labelMatches(t: string, generic: boolean): { index: number; word: string }[] {
  // A character outside the BMP counts as one in \p{Script=Han}{1,4}: such a paragraph is left to the regex.
  if (astral.test(t)) return [...t.matchAll(generic ? labelRe : cueRe)].map((m) => ({ index: m.index, word: m[0] }));
  // Sparse: a paragraph may be a whole huge text, its cue words and labels a few.
  const cueEnd = new Map<number, number>();
  for (const m of cueAutomaton.findAll(t)) if (m.end > (cueEnd.get(m.start) ?? -1)) cueEnd.set(m.start, m.end);
  // Where a `…人：` or `…人员：` label can end, by the position of its 人.
  const labelEnd = new Map<number, number>();
  if (generic) {
    // `(?=\s*[：:])`: the spaces, then a colon; walked by hand, since a long run of spaces would make the regex quadratic.
    const ahead = (at: number): boolean => {
      while (at < t.length && space.test(t[at]!)) at++;
      return t[at] === '：' || t[at] === ':';
    };
    for (let q = t.indexOf('人'); q >= 0; q = t.indexOf('人', q + 1)) {
      if (t[q + 1] === '员' && ahead(q + 2)) labelEnd.set(q, q + 2);
      else if (ahead(q + 1)) labelEnd.set(q, q + 1);
    }
  }
  // Only where a cue word starts or a label can start may a match start; they are visited leftmost first.
  const starts = new Set(cueEnd.keys());
  for (const q of labelEnd.keys()) for (let p = Math.max(0, q - 4); p < q; p++) starts.add(p);
  const out: { index: number; word: string }[] = [];
  let from = 0;
  for (const p of [...starts].sort((a, b) => a - b)) {
    if (p < from) continue;
    let end = cueEnd.get(p) ?? -1;
    if (end < 0) {
      let run = 0;
      while (run < 4 && p + run < t.length && isHan(t[p + run])) run++;
      for (let k = run; k >= 1 && end < 0; k--) end = labelEnd.get(p + k) ?? -1;
    }
    if (end < 0) continue;
    out.push({ index: p, word: t.slice(p, end) });
    from = end;
  }
  return out;
}
const officialRole = /(?:责任|负责|发言|撰稿|整理|记录|主持|出席|列席|审批|批准|填报|填表|制表|登记|签发|审核|复核|核稿|拟稿|校对|经办|承办|联系|带班|值班|执法|检查|调查|鉴定|评审|主讲|监督|代表|见证|受理|接待|送达|抄送|起草|讲解|解读|解答|答疑|发布|咨询|工作|值守)人员?$/;
const genericLabel: LabelGroup = { labels: [], detail: 'name', weight: 0.6 };

/** `实名举报人` is a 举报人: the generic `…人：` match keeps the group of a known label it ends with. */
function suffixLabel(label: string): LabelGroup | undefined {
  for (let i = 1; i < label.length - 1; i++) {
    const group = labelInfo.get(label.slice(i));
    if (group) return group;
  }
  return undefined;
}

// Field labels that follow a name on the same line once whitespace is gone (`张伟身份证号码：…`).
const fieldAfter = /等\s*\d*\s*人|性别|男|女|民族|汉族|出生|身份证|公民身份|证件|住址|住所|现住|户籍|籍贯|联系|电话|手机|年龄|职务|职业|工作单位|地址|证号|号码|文化程度|学历|政治面貌|系|于|因|同志/y;

/** The value after `label：`: up to the next delimiter, or a name running into the next field (`张伟身份证号码：…`). */
function nameAfterColon(seg: Segment, at: number): Span | null {
  const t = seg.text;
  let end = at;
  while (end < t.length && end - at <= 16 && !delimiter.test(t[end]!) && !(end > at && seg.broken(end))) end++;
  const candidate = t.slice(at, end);
  const closed = end === t.length || delimiter.test(t[end]!) || seg.broken(end) || followedBy(fieldAfter, t, end);
  if (closed && candidate.length <= 4 && looksLikeName(candidate, true) && contradicts(candidate, t.slice(at, end + 3)) !== 'hard') return { start: at, end };
  if (closed && looksTransliterated(candidate) && transliterationReadsAsName(candidate)) return { start: at, end };
  for (const length of [2, 3, 4]) {
    if (looksLikeName(t.slice(at, at + length)) && followedBy(fieldAfter, t, at + length)) return { start: at, end: at + length };
  }
  return null;
}

const postAfter = /(?<![ \t\u3000])[ \t\u3000]*\p{Script=Han}{0,12}?(?:总理|部长|主任|局长|书记|厅长|秘书长|省长|市长|县长|区长|镇长|乡长|主席|司长|处长|科长|委员|组长|院长|校长|所长|站长|队长|会长|行长|董事长|总经理|经理)(?=[\s，,。；;、]|$)/uy;
const citizenBefore = new RegExp(`${longestFirst([...reporterLabels.labels, ...roleGroup.labels, ...kinGroup.labels.filter((k) => k.startsWith('其'))])}`);
const sentenceStart = (t: string, at: number): number => Math.max(t.lastIndexOf('。', at - 1), t.lastIndexOf('；', at - 1), 0);

// `张伟、李娜和王芳等`: the names listed after the first.
const listJoin = /[、和及与]/;

function labelledNames(seg: Segment, soleTrader: boolean): PiiHit[] {
  const hits: PiiHit[] = [];
  const t = seg.text;
  for (const match of labelMatches(t, t.includes('：') || t.includes(':'))) {
    const word = match.word;
    let group = cueInfo.get(word) ?? suffixLabel(word) ?? (officialRole.test(word) ? officialLabels : genericLabel);
    if (group === legalRepLabels && soleTrader) group = { labels: [], detail: 'name-sole-trader', weight: 0.75 };
    if (group === postGroup) {
      if (!complaint.test(t.slice(Math.max(0, match.index - 30), match.index))) continue;
      group = roleGroup;
    }
    let at = match.index + word.length;
    while (at < t.length && /[ \t]/.test(t[at]!)) at++;
    let form: 'colon' | 'copula' | 'bare' = 'bare';
    if (t[at] === '：' || t[at] === ':') {
      form = 'colon';
      at++;
      while (at < t.length && /[ \t]/.test(t[at]!)) at++;
    } else if ((t[at] === '为' || t[at] === '是') && labelInfo.has(word)) {
      form = 'copula';
      at++;
    }
    if (form === 'bare' && !cueInfo.has(word)) continue;
    const span = form === 'colon' ? nameAfterColon(seg, at) : nameAt(seg, at, form === 'copula' ? 'label' : 'cue');
    if (!span) continue;
    // A cue inside a longer word introduces no one: 行业主管 holds 业主, 妇女儿童 holds 女儿, 个体工商户 holds 商户. A colon makes any label a label.
    if (form !== 'colon' && match.index > 0 && isHan(t[match.index - 1]) && tokenHolding(seg.cut, t, Math.max(0, match.index - 4), match.index + word.length, match.index) !== null) continue;
    // `联系人是刘佳（其女儿）`, `网民留言称其父亲…，联系人是刘佳`: a relative who takes the call back is a private person, not an office's contact.
    const private_ = group === officialLabels && (followedBy(personalBracket, t, span.end) || citizenBefore.test(t.slice(sentenceStart(t, match.index), match.index)));
    // `召集人：孙春兰 国务院副总理`: a member list names officials with their posts, which are public.
    if ((/[ \t\u3000]/.test(t[span.end] ?? '') || seg.broken(span.end)) && followedBy(postAfter, t, span.end)) group = officialLabels;
    const weight = private_ ? 0.75 : group.weight;
    const detail = weight === group.weight ? group.detail : 'name';
    hits.push({ piiType: 'name', start: span.start, end: span.end, weight, detail });
    for (let next = span.end; listJoin.test(t[next] ?? '') && group !== officialLabels; ) {
      const more = nameAt(seg, next + 1, 'cue');
      if (!more || !looksLikeName(t.slice(more.start, more.end), true)) break;
      hits.push({ piiType: 'name', start: more.start, end: more.end, weight, detail });
      next = more.end;
    }
  }
  return hits;
}

// ---------- a name before its particulars ----------

// What may stand just before a name that a bracket of particulars follows: a delimiter, a cue word, or a word that takes a person.
const leftWords = ['的', '为', '是', '由', '对', '向', '与', '和', '及', '经', '据', '将', '把', '给', '让', '同', '跟', '被', '时', '后', '告知', '联系', '通知', '帮助', '慰问', '走访', '看望', '协调', '要求', '即', '称', '系'];
const leftOfName = new RegExp(`(?:[，,。；;、：:（(）)\\s“”"'‘’！!？?…—\\d]|${longestFirst([...cueInfo.keys(), ...leftWords])})$`, 'u');
// A possessive and a kin word after a name (张伟的女儿, 患者王芳之子): the name before is a person's.
const kinAfter = new RegExp(`(?:的|之)(?:${kinWords}|子|女|夫|妻)`, 'y');
const anchorRe = new RegExp(`[（(]|[的之](?=${kinWords}|[子女夫妻])|[，,]\\s*[男女][，,]|通过|来电|致电|来信|来访|打来电话|打电话|写信|留言|反映|投诉|举报|咨询|求助|称`, 'g');
// `7月3日，舒敏欣通过12345热线咨询`, `外卖骑手焦振华反映`: a name opening a clause or after a word for someone, before a verb of speech.
const speechAfter = /(?:通过\s*(?:\d|热线|电话|市长信箱|网络|信件)|来电|致电|来信|来访|打来电话|打电话|写信|留言|反映|投诉|举报|咨询|求助|称)/y;
const occupations = ['工作人员', '人员', '员工', '工人', '职工', '干部', '教师', '老师', '医生', '护士', '学生', '家长', '家属', '农民', '民工', '居民', '村民', '市民', '业主', '租户', '商户', '店主', '摊主', '车主', '司机', '骑手', '快递员', '外卖员', '保安', '保洁员', '网格员', '志愿者', '记者', '律师', '代表', '个体户', '师傅'];
const speechLeft = new RegExp(`(?:[，,。；;：:\\s]|${longestFirst(occupations)})$`);

/** Names that end where particulars begin: `，苏文斌（联系电话…）`, `外来务工人员韩俊（138…）`, `马荣春的儿子`. */
function namesBeforeParticulars(seg: Segment, appointee: boolean): PiiHit[] {
  const t = seg.text;
  const hits: PiiHit[] = [];
  for (const anchor of t.matchAll(anchorRe)) {
    const end = anchor.index;
    const speech = followedBy(speechAfter, t, end);
    const particulars = followedBy(personalBracket, t, end) || followedBy(kinAfter, t, end) || /^[，,]/.test(anchor[0]) || speech;
    if (!particulars || end < 2) continue;
    const options: Span[] = [];
    for (const length of [3, 2, 4]) {
      const start = end - length;
      if (start < 0) continue;
      const candidate = t.slice(start, end);
      const left = t.slice(Math.max(0, start - 8), start);
      // Before a verb of speech only a name that opens its clause is taken: `据群众反映` names no one.
      if (start > 0 && !(speech ? speechLeft.test(left) : leftOfName.test(left))) continue;
      if (looksLikeName(candidate, left !== '' && !/[，,。；;、：:（(）)\s]$/.test(left)) && !(speech && contradicts(candidate, t.slice(start, end + 3)))) options.push({ start, end });
    }
    if (options.length === 0) {
      let start = end;
      while (start > 0 && end - start < 16 && (transliteration.has(t[start - 1]!) || /[·•・]/.test(t[start - 1]!))) start--;
      const candidate = t.slice(start, end);
      if (end - start >= 2 && !speech && (start === 0 || leftOfName.test(t.slice(Math.max(0, start - 8), start))) && looksTransliterated(candidate) && transliterationReadsAsName(candidate)) options.push({ start, end });
    }
    const span = options[0];
    if (!span || isOrdinaryWord(t.slice(span.start, span.end))) continue;
    hits.push({ piiType: 'name', start: span.start, end: span.end, weight: appointee ? 0.3 : 0.75, detail: appointee ? 'name-appointee' : 'name-profile' });
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

// ---------- tables ----------

// Columns that hold members of the public (户主, 来访人姓名, 学生姓名, 监护人), their officials (接待人), their families, their phones.
const nameColumn = /^(?:(?:户主|申请人|救助对象|受助人|补助对象|资助对象|保障对象|低保对象|困难对象|特困人员|残疾人|当事人|患者|病人|对象|学生|幼儿|儿童|家长|监护人|来电人|来访人|来信人|信访人|投诉人|举报人|反映人|诉求人|联系人|被征收人|被拆迁人|收款人|领款人|持卡人|户名|参保人|职工|农户|业主|承租人)(?:姓名)?|姓名|[\p{Script=Han}]{1,6}姓名)$/u;
const officialColumn = /^(?:接待人|经办人|承办人|审核人|复核人|填报人|填表人|登记人|办理人|受理人|责任人|包保责任人|帮扶责任人|帮扶干部|网格员|调查人|核查人)(?:姓名)?$/;
const familyColumn = /^(?:共同生活)?家庭成员(?:姓名|情况|及关系)?$|^同住人员$|^共同申请人$/;
const phoneColumn = /^(?:联系电话|联系方式|电话|手机|手机号码?|家庭电话|住宅电话|固定电话|来电号码|[\p{Script=Han}]{1,4}(?:联系电话|电话))$/u;
const addressColumn = /^(?:家庭住址|住址|现住址|居住地址|户籍地址|家庭地址|住所)$/;
const organisationColumn = /单位|机构|部门|学校|医院|企业|公司|岗位|职位/;
const notAName = /^(?:匿名|无|不详|本人|同上|略|空|合计|小计|总计|其他|暂无|待定|未填|—+|-+)$/;

interface NameColumn {
  index: number;
  weight: number;
  detail: string;
  family: boolean;
}
interface TableState {
  names: NameColumn[];
  address: number;
  phones: number[];
  /** The phone column belongs to the offices or firms the table lists (a 招聘岗位表's 联系电话), not to people. */
  office: boolean;
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

// Columns of a recruitment list, which is published by law (公务员法第三十二条) even when the sheet carries no title.
const recruitmentColumn = /拟录用|拟聘用|报考职位|准考证号|笔试成绩|面试成绩/;

function headerOf(row: { text: string }[], publicDocument: boolean): TableState | null {
  const heads = row.map((c) => c.text.replace(/\s/g, ''));
  const names: NameColumn[] = [];
  const publicList = publicDocument || heads.some((h) => recruitmentColumn.test(h));
  heads.forEach((header, index) => {
    if (officialColumn.test(header)) names.push({ index, weight: 0.2, detail: 'name-official', family: false });
    else if (familyColumn.test(header)) names.push({ index, weight: 0.75, detail: 'name-table', family: true });
    else if (nameColumn.test(header)) {
      // The first name column of a list the document publishes is the list itself; a guardian or contact beside it is not published.
      const listed = publicList && !names.some((n) => n.detail === 'name-publicity');
      names.push({ index, weight: listed ? 0.3 : 0.75, detail: listed ? 'name-publicity' : 'name-table', family: false });
    }
  });
  // A 联系人 column beside no other person is the contact at an office or firm (a 职位表, a list of bodies).
  const contact = names.find((n) => heads[n.index]!.startsWith('联系人'));
  if (contact && names.every((n) => n === contact || n.detail === 'name-official')) Object.assign(contact, { weight: 0.2, detail: 'name-official' });
  const address = heads.findIndex((h) => addressColumn.test(h));
  const phones = heads.flatMap((h, i) => (phoneColumn.test(h) ? [i] : []));
  const office = phones.length > 0 && names.every((n) => n.detail === 'name-official') && heads.some((h) => organisationColumn.test(h));
  return names.length || address >= 0 || office ? { names, address, phones, office } : null;
}

/** The names in one cell: `张伟`, `张伟等5人`, `高彩霞、钟阿四`, `丁晓（母）、李子墨（孙子）`. */
function namesInCell(cell: { text: string; start: number }, family: boolean): Span[] {
  const out: Span[] = [];
  const piece = /[^、，,；;/\s]+/g;
  for (const m of cell.text.matchAll(piece)) {
    const value = m[0].replace(/[（(][^（(）)]*[）)]$/, '').replace(/等\d*人?$/, '');
    if (value.length < 2 || notAName.test(value) || /[某×Ｘ*＊]/.test(value)) continue;
    const plain = /^\p{Script=Han}{2,4}$/u.test(value) && (nameShape(value, true, true) || tagsSayName(value));
    // A family column also holds relations and counts (妻, 3人): only what reads as a name is taken.
    if (family ? !(nameShape(value, true, true) || looksTransliterated(value)) : !(plain || looksTransliterated(value))) continue;
    out.push({ start: cell.start + m.index, end: cell.start + m.index + value.length });
  }
  return out;
}

/** Rows under a header with a name, address or phone column (tables arrive one row per paragraph, cells split by tabs). */
interface PhoneCell extends Span {
  office: boolean;
}

function tableCells(seg: Segment, state: TableState | null, publicList: boolean): { hits: PiiHit[]; phones: PhoneCell[]; state: TableState | null } {
  if (!seg.text.includes('\t')) return { hits: [], phones: [], state: null };
  const row = cells(seg);
  const header = headerOf(row, publicList);
  if (header) return { hits: [], phones: [], state: header };
  if (!state) return { hits: [], phones: [], state: null };
  const hits: PiiHit[] = [];
  for (const column of state.names) {
    const cell = row[column.index];
    if (!cell) continue;
    for (const span of namesInCell(cell, column.family)) hits.push({ piiType: 'name', ...span, weight: column.weight, detail: column.detail });
  }
  const address = row[state.address];
  if (address && address.text.length >= 4 && addressParts.test(address.text)) {
    hits.push({ piiType: 'address', start: address.start, end: address.start + address.text.length, weight: 0.8, detail: 'address' });
  }
  const personal = state.names.some((n) => n.detail !== 'name-official');
  const phones = personal || state.office ? state.phones.flatMap((i) => (row[i] ? [{ start: row[i]!.start, end: row[i]!.start + row[i]!.text.length, office: state.office }] : [])) : [];
  return { hits, phones, state };
}

const personalAddressLabel = '家庭住址|家庭地址|现住址|户籍地址|户籍所在地|户籍地|居住地址|经常居住地|现居住地|居住地|暂住地|住址|家住|现住|现居住|现居|居住于|居住在';
const sharedAddressLabel = '住所地|住所|通讯地址|通信地址|联系地址|送达地址|邮寄地址|地址|房屋坐落|坐落';
// The value stays in its cell: a label at the end of one table cell (合法稳定住所\t1. 在…) has no value.
const addressLabel = new RegExp(`(${personalAddressLabel}|${sharedAddressLabel})[ \u3000]*(?:[：:]|为|是)?[ \u3000]*|[，,][ \u3000]*住(?![址所宅房院])(?=\\p{Script=Han})`, 'gu');
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
// A rule speaks of places in general (向户籍所在地的乡镇人民政府提出, 居住在本市行政区域内的): no one's address.
const generalPlace = /^(?:的|地|址|之|本|该|其|当地|所在|县域|市域|区域|范围|行政区域|辖区|在|由|且|与|或|和|及|并|内|中|宅|房|境内|外地|原|变更|属于|位于|不同|相同|\d+\s*[.．、])|(?:辖区|区域|范围|境内)内?$/;
const institution = /人民政府|部门|机关|服务中心|办事处|委员会|不得|应当|可以|申请|范围|以上|以下/;
// Words for kinds of place (居住在农村偏远…): an address names a place, so it keeps an address part once they are gone.
const kindOfPlace = /农村|城镇|城市|城乡|乡村|社区|街道|本市|本县|本区|本省|外省|外市/g;

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
    // `家住城南街道的退休教师…`: an address has no 的; the clause goes on about the person.
    if (value.indexOf('的') >= 4) value = value.slice(0, value.indexOf('的'));
    value = value.trimEnd();
    if (value.length < 4 || !addressParts.test(value) || /^(同上|不详|无|略)/.test(value)) continue;
    if (/[某×*＊]{2}/.test(value) && !concrete.test(value)) continue;
    if (generalPlace.test(value) || (institution.test(value) && !concrete.test(value)) || !addressParts.test(value.replace(kindOfPlace, ''))) continue;
    // A label inside a longer word is no label: 实现居家 holds 现居.
    if (match.index > 0 && isHan(t[match.index - 1]) && !/[：:]/.test(match[0]) && tokenHolding(seg.cut, t, Math.max(0, match.index - 4), match.index + 2, match.index) !== null) continue;
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
  if (!match || cueInfo.has(match[1]!) || /[区县市省镇乡村局委办院所厅处科站队部司社组]$/.test(match[1]!) || !looksLikeName(match[1]!)) return [];
  return [{ piiType: 'name', start: 0, end: match[1]!.length, weight: 0.75, detail: 'name-addressee' }];
}

// ---------- the same person again ----------

/**
 * A name found once is the same person where it recurs in the document (回访时王萱凤表示满意), wherever jieba keeps it whole.
 * A name that is also a dictionary word (高峰, 李娜) recurs as a name only where the text around it introduces a person.
 */
function repeatedNames(text: string, found: readonly PiiHit[], taken: readonly Span[], cut: Cutter): PiiHit[] {
  const best = new Map<string, PiiHit>();
  for (const hit of found) {
    const value = text.slice(hit.start, hit.end);
    if (value.length < 2 || /\s/.test(value)) continue;
    const known = best.get(value);
    if (!known || hit.weight > known.weight) best.set(value, hit);
  }
  if (best.size === 0) return [];
  const values = [...best.keys()];
  const covered = new Uint8Array(text.length);
  for (const span of taken) covered.fill(1, span.start, span.end);
  const matches = new Automaton(values).findAll(text).sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: PiiHit[] = [];
  for (const match of matches) {
    if (covered.subarray(match.start, match.end).some((c) => c === 1)) continue;
    const value = values[match.id]!;
    const right = followedBy(personFollower, text, match.end) || followedBy(personalBracket, text, match.end) || followedBy(followerWord, text, match.end) || followerChar.has(text[match.end] ?? '') || delimiter.test(text[match.end] ?? '');
    // Jieba may join the character before with the surname (回访时侯英表示 → 时侯); what follows the name then decides.
    if (alignmentWithin(cut, text, match.start, Math.min(text.length, match.end + 6), match.start, match.end) !== 'aligned') continue;
    if (alignmentWithin(cut, text, Math.max(0, match.start - 6), match.end, match.start, match.end) !== 'aligned' && !right) continue;
    const word = tags(value).length === 1 && tags(value)[0]!.tag !== 'x';
    if (word) {
      const left = text.slice(Math.max(0, match.start - 8), match.start);
      if (!(match.start === 0 || leftOfName.test(left)) && !right) continue;
    }
    const source = best.get(value)!;
    hits.push({ piiType: 'name', start: match.start, end: match.end, weight: source.weight, detail: source.detail });
    covered.fill(1, match.start, match.end);
  }
  return hits;
}

// ---------- telephones of the people named ----------

const officeNearby = /局|委员会|办公室|中心|热线|值班|科室|窗口|单位|公司|医院|学校|法院|政府|监督电话|咨询电话|举报电话/;

/** The cell of `cells` (sorted, not overlapping) that holds the span, if any. */
function cellOf<T extends Span>(cells: readonly T[], span: Span): T | undefined {
  const cell = cells[firstEndingAfter(cells, span.start)];
  return cell && cell.start <= span.start && span.end <= cell.end ? cell : undefined;
}

/**
 * Telephones weighed by whose they are. A fixed-line number is an office's unless the text ties it to a person: a
 * phone column of a table of people, or a number given right after a member of the public is named in the same
 * sentence (`业主陈家明，…，固定电话（0579）8884…`). A mobile in the phone column of a list of offices is theirs.
 */
function weighPhones(text: string, identifiers: readonly PiiHit[], names: readonly PiiHit[], columns: readonly PhoneCell[]): PiiHit[] {
  const people = names.filter((n) => n.weight >= 0.5).sort((a, b) => a.end - b.end);
  return identifiers.map((hit) => {
    if (hit.piiType !== 'phone' && hit.piiType !== 'mobile') return hit;
    const column = cellOf(columns, hit);
    if (column?.office) return hit.piiType === 'mobile' ? { ...hit, weight: 0.3, detail: 'mobile-office' } : hit;
    if (hit.piiType !== 'phone' || hit.weight >= 0.5) return hit;
    const last = people[firstEndingAfter(people, hit.start) - 1];
    const between = last ? text.slice(last.end, hit.start) : '';
    const nearPerson = last !== undefined && hit.start - last.end <= 60 && !/[。；;\n]/.test(between) && !officeNearby.test(between);
    return column || nearPerson ? { ...hit, weight: 0.7, detail: 'phone-home' } : hit;
  });
}

/**
 * Everything in the text that identifies a person: validated identifiers weighed by whose they are, and names and
 * addresses read paragraph by paragraph. Offsets are normalised.
 */
/** Whether a span overlaps any in a list sorted by start whose spans are names (a few dozen characters at most). */
function overlapsAny(sorted: readonly Span[], h: Span): boolean {
  for (let i = firstStartingFrom(sorted, h.start - 64); i < sorted.length && sorted[i]!.start < h.end; i++) if (sorted[i]!.end > h.start) return true;
  return false;
}

export function findPeople(n: NormalisedText, paragraphs: readonly Span[], cut: Cutter): PiiHit[] {
  const text = n.text;
  const soleTrader = /个体工商户|个体户|个体经营|个人独资/.test(text);
  const appointee = /任前公示|拟任|公示对象|拟提拔|任职前公示/.test(text.slice(0, 400));
  // Names in a list the document itself publishes (……名单公示, 表彰名单) are published on purpose; identifiers beside them are not.
  // Recruitment lists (拟录用人员名单, 进入体检人员名单) are published by law (公务员法第三十二条).
  const publicList = /公示|公布|表彰|名单的(?:通知|公告)|(?:录用|聘用|入围|体检|考察|面试|笔试|成绩|合格)[^\n]{0,20}名单/.test(text.slice(0, 200));
  const names: PiiHit[] = [];
  const addresses: PiiHit[] = [];
  const phoneColumns: PhoneCell[] = [];
  let table: TableState | null = null;
  for (const p of paragraphs) {
    if (p.end <= p.start) continue;
    const offset = p.start;
    const seg: Segment = { text: text.slice(p.start, p.end), offset, broken: (i) => n.origin[offset + i]! - n.origin[offset + i - 1]! > 1, cut };
    const shift = <T extends Span>(h: T): T => ({ ...h, start: h.start + offset, end: h.end + offset });
    const inTable = tableCells(seg, table, publicList);
    table = inTable.state;
    const local = [...labelledNames(seg, soleTrader), ...profileNames(seg, appointee), ...addresseeName(seg), ...inTable.hits.filter((h) => h.piiType === 'name')];
    // A label or a column says more about who the person is (an official, a listed recipient) than the particulars after the name.
    const labelled = [...local].sort((a, b) => a.start - b.start);
    const unlabelled = namesBeforeParticulars(seg, appointee).filter((h) => !overlapsAny(labelled, h));
    for (const hit of [...local, ...unlabelled]) names.push(shift(hit));
    for (const hit of inTable.phones) phoneColumns.push(shift(hit));
    for (const hit of inTable.hits) if (hit.piiType === 'address') addresses.push(shift(hit));
    const before = (at: number) => text.slice(Math.max(0, offset + at - 150), offset + at);
    for (const hit of labelledAddresses(seg, before, names)) addresses.push(shift(hit));
  }
  const identifiers = findIdentifiers(text);
  const again = repeatedNames(text, names, [...names, ...addresses, ...identifiers], cut);
  const allNames = [...names, ...again];
  return [...weighPhones(text, identifiers, allNames, phoneColumns), ...allNames, ...addresses];
}
