import type { CategoryId, Paragraph, Span } from '../../../shared/types.ts';
import type { EntryMode } from './lexicon.ts';
import type { DocumentProfile } from './kind.ts';
import { anonymisedName, looksLikeName } from './people.ts';
import { sentenceEnd } from '../../../shared/text.ts';
import { firstAtOrAfter, firstStartingFrom, stopFinder } from './sorted.ts';

const stopPositions = stopFinder();

/** A term hit with what the judge needs to see around it; all offsets are in normalised text. */
interface HitContext {
  text: string;
  start: number;
  end: number;
  paragraph: Span & Pick<Paragraph, 'zone' | 'kind'>;
  /** The paragraph with the lines it was wrapped from (a layout that sets every line as its own paragraph). */
  block: Span;
  mode: EntryMode;
  category: CategoryId;
  /**
   * Other hits in the same paragraph, sorted by start: their words are not read as context cues. With `masked`,
   * only those over this hit's own characters are needed.
   */
  others: readonly Span[];
  /**
   * The paragraph with every hit in it masked, built once for all its hits (reading it per hit made a paragraph
   * of thousands of hits quadratic). Absent: nothing is masked but `others`.
   */
  masked?: MaskedParagraph;
  /** True when the hit is a category name listed next to another category name (国家秘密、商业秘密). */
  inCategoryEnumeration: boolean;
  /** True when the hit is the name of a category itself (国家秘密, 个人隐私, 过程性信息), not a word of its content. */
  categoryName: boolean;
  /** Text of the paragraph that introduces the list this paragraph belongs to, if it is a list item. */
  leadIn: string | null;
  /** Personal data found in the document, sorted: a sentence that names a person states facts. */
  personal: readonly Span[];
  /** What the document is (a rule, a policy notice, an annual report…) and what its title says it forwards. */
  document: DocumentProfile;
}

export interface MaskedParagraph extends Span {
  text: string;
}

/** The text from `start` to `end` with each span in it replaced by □ of the same length. */
export function maskSpans(text: string, start: number, end: number, spans: readonly Span[]): MaskedParagraph {
  const pieces: string[] = [];
  let at = start;
  for (let i = firstStartingFrom(spans, start - longestTerm); i < spans.length && spans[i]!.start < end; i++) {
    const o = spans[i]!;
    if (o.end <= at) continue;
    const a = Math.max(o.start, at);
    const b = Math.min(o.end, end);
    pieces.push(text.slice(at, a), '□'.repeat(b - a));
    at = b;
  }
  pieces.push(text.slice(at, end));
  return { start, end, text: pieces.join('') };
}

interface Judgement {
  rule: string;
  negated: boolean;
  /** Multiplies the entry's weight. */
  factor: number;
}

const clauseEnd = /[。！？；!?;\n，,：:]/;
export const listItem = /^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}\s*[.．、)）](?!\d))/;

const definition = /所称|是指|系指|指的是|名词解释|定义为|包括但不限于|分为|划分为/;
// `国家秘密是关系国家安全和利益……的事项`: a sentence that says what the term is.
const definitionAfter = /^\s*(?:是|为)[^。；;]{4,}的(?:事项|事物|信息|内容|资料|材料|行为|活动|人员|秘密)$/;
// Kinds of personal information named in a list (住址、婚姻状况、健康状况等信息) are categories of data, not data about anyone.
// So are kinds of business data named as what a filing is made of (人工费、材料单价及利润率构成).
const kindsAfter = /^[^，,。；;\d]{0,40}?(?:等|以及|及|和)?[^，,。；;\d]{0,16}?(?:信息|数据|资料|构成|明细)/;
const onePerson = /该(?:户|生|人|员|同志|对象|患者|职工)|本人|户主|其(?:家庭|配偶|子女|父|母|本人)/;
const selfReference = /(?:本|此)(?:文件|件|稿|纪要|材料|报告|方案|请示|简报|资料|表|页|次会议|会议)|(?:以上|上述)(?:内容|情况|材料|数据|信息|资料)[^。；;]{0,40}?(?:属|系|涉及)/;
const exceptionBefore = /(?<![删排解清免拆消剔根去革开破扫切])除(?!此|以上|上述)/;
const exceptionAfter = /^[^。；;]*?(?:除外|以外|外(?=[，,。；;）)]|$))/;
const prohibition = /(?:不得|不予|不应|不宜|不能|不要|不可|不准|禁止|严禁|切勿|防止|避免|严防|杜绝|免予)[^，,。；;]{0,4}?(?:公开|泄露|泄密|披露|外传|发布|提供|透露|传播|扩散|散布|复制|公布|对外)|泄露|泄密|窃取|非法获取|出卖/;
const protectionBefore = /(?:保护|保守|维护|尊重|保障)[^，,。；;]{0,8}$/;
const protectionAfter = /^[^，,。；;]{0,10}?(?:予以保密|严格保密|保密|保护)/;
const duty = /应当保密|应保密|应予保密|予以保密|严格保密|依法保密|保密审查|保密工作|保密管理|保密制度|保密义务|保密规定|保密责任|保密措施|保密纪律/;
const scopeBefore = /(?:涉及|属于|含有|包含|包括|事关|关系到|有关)[^，,。；;]{0,12}$/;
const scopeAfter = /^[^，,。；;]{0,12}?(?:的|等)/;
const procedureBefore = /(?:按照|依照|依据|根据|遵照)[^，,。；;]{0,30}$/;
const procedureAfter = /^[^，,。；;]{0,30}?(?:规定|要求|办法|条例|制度)/;
const disclosureRule = /不(?:通过|在|向|对)[^，,。；;]{0,10}?(?:公开|公示|公布|发布)|(?:向社会|对外|予以|暂缓|延期|不予|到期|提前)开放|开放(?:档案|审核|鉴定|利用|范围|批次)|档案开放|公开属性|政务公开|信息公开|保密审查|公开审查|不予公开|依申请公开|主动公开|予以公开|可以公开|应当公开|应予公开|不公开|公开范围|公开方式|公开发布|公开渠道|向社会公开|公开与否|公开的政府信息|申请公开/;
const disclosedAfter = /^[^，,。；;]{0,4}?(?:公开|公示)/;
const normative = /应当|免除|的(?:人|人员|个人|单位)[，,]|应予|应该|不能|不要|切勿|视为|的[，,]\s*(?:其|则|均|一律|视为|不予|予以|不得|应|须|由|按|可)|应(?=[按在于将及由向对以依把给当])|必须|须(?=[按在于将及由向对以依经])|需要?对(?=[^。；;]{0,30}进行)|可以|不得|不准|严禁|禁止|一律|有权|适用|负责(?!人)|要(?=[加做及认严切进建健落按坚强确注抓高把查排整消摸梳])|建立|健全|加强|做好|规范|完善|推进|推动|深化|强化|促进|严格执行|依法追究|依法给予|严肃处理|依规依纪|责令|(?:按照|依照|依据)[^。；;]{0,20}(?:规定|办法|条例)/;
// A sentence that addresses someone, or narrates what a meeting did, states facts even when it uses 应当.
const narrative = /[你您]|会议(?:认为|讨论|研究|决定|同意|要求|指出|强调|听取|审议|明确)|(?:我|本|该)(?:局|委|办|院|所|队|站|中心|单位|机关|街道|镇|乡)已|已被依法|已(?:责令|作出|给予|移送)/;
// A deadline, a commencement or a period (于2024年4月30日前报送, 自2024年1月1日起施行, 2019年1月1日至2020年12月31日)
// sets a rule's timing; it dates no event.
const specificDate = /(?<![至到—~－-]\s{0,3})(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)(?!\s*(?:前|之前|以前|起|止|为止|至|到|—|~|－|-))/;
const leadInCue = /(?:下列|以下|如下)(?:(?!下列|以下|如下)[^。])*?(?:不予公开|不公开|不得公开|免予公开|不属于|除外|保密|不得|去标识化|隐去|隐藏|删除|屏蔽|遮盖|脱敏|匿名化|技术处理)/;
// `第十四条 有下列情形之一的，……`: the items under a rule's enumeration are kinds of conduct or cases, not facts of one.
const ruleEnumeration = /(?:下列|以下|如下)[^。；;]{0,12}?(?:情形|行为|情况|内容|事项|信息|材料)/;
// A party asking for its own material to be withheld states a fact about this case; it is not a rule about disclosure.
const partyRequest = /(?:要求|申请|请求|声明|主张)[^，,。；;]{0,6}?(?:不予公开|不公开|保密|不对外)/;
// The title of a rule names the matters it regulates (信访事项办理规定, 档案管理办法).
const ruleTitle = /(?:规定|办法|条例|细则|规则|实施意见|指导意见|若干意见|制度|准则|指引|规范|守则)\s*(?:[（(][^）)]{0,12}[）)])?\s*$/;
// An article of a rule (第三条 …) states a norm even without a modal verb.
const ruleArticle = /^\s*第[一二三四五六七八九十百零〇\d]{1,5}条/;
/** A line that opens an article, chapter or numbered section never continues the line before it. */
export const sectionStart = /^\s*(?:第[一二三四五六七八九十百零〇\d]{1,5}[条章节]|\d{1,2}(?:\.\d{1,2})+\s)/;
// A short line that explains a rule (……制度问答, 政策解读) announces a topic, like the title of the rule itself.
const explainerTitle = /(?:规定|办法|条例|制度|政策|法律|法规)\s*(?:问答|解读|释义|答问|百问|讲解|知识)\s*$/;
// A numbered section heading (4 值班安排, 第3页 区分处理和加工分析) names what the section is about.
const sectionHeading = /^\s*(?:第[一二三四五六七八九十\d]{1,3}[页章节部篇]|[（(]?[一二三四五六七八九十]{1,3}[、.．)）]|[（(]\d{1,2}[)）]|\d{1,2}(?:\.\d{1,2})*[\s、.．])/;
// A restriction on named kinds of personal data (不对外公开身份证号码和联系电话) says how data is handled, not that this document is restricted.
const personalDataAfter = /^[^，,。；;]{0,4}?(?:身份证|证件|联系电话|联系方式|电话号码|手机号|住址|地址|姓名|个人信息|个人隐私)/;
// A word about internal affairs, process or archives that describes the party's own records, cited as evidence
// (…考勤记录、询问笔录等证据证实) or belonging to a third party (店员考勤, 该公司员工), is not this office's internal matter.
const contextCategories = new Set<CategoryId>([2, 3, 4, 6]);
const evidenceAfter = /^[^。；;]{0,60}?(?:等(?:证据|书证|材料|资料)|证据)(?:予以)?(?:证实|证明|在案|佐证|为证|确凿|印证)/;
const evidenceBefore = /(?:调取|调阅|提取|固定)了?[^，,。；;]{0,20}$/;
const thirdParty = /(?:当事人|店员|员工|雇员|从业人员|务工人员|劳动者|工人|该公司|该企业|该店|该单位|涉事企业|用人单位|你单位|被处罚单位|被检查单位|经营者)[^，,。；;]{0,6}$/;
const ownStaff = /(?:机关|本局|我局|本单位|我单位|本机关|科室|处室)[^，,。；;]{0,4}(?:员工|职工|工作人员|人员)[^，,。；;]{0,6}$/;
// Counts and rates of petitions (全年办理信访件320件, 办结率98%) describe work in aggregate and name no case or person.
const statisticsCategories = new Set<CategoryId>([2, 4, 5]);
const statistics = /\d+(?:\.\d+)?\s*(?:万|千)?\s*(?:件次?|人次|批次?|起|宗)|(?:办结|受理|按期|化解|满意|及时|参评)率|同比(?:增长|下降|上升|减少)|环比(?:增长|下降|上升|减少)/;
// 近3年内无重大违法、犯罪记录: a condition that something is absent.
const absence = /(?:^|[^\p{Script=Han}]|年内|以来|期间|本人|申请人|家庭|且|并|均|须|应|及)(?:无|没有|未有|未曾|不存在)[^，,。；;]{0,8}$/u;
// 金融机构各项存款余额, 规模以上工业企业利润率: a figure for a whole economy or sector belongs to no one.
const aggregate = /金融机构|全(?:市|县|区|省|国|镇|乡|州|盟|旗)|规模以上|各项|人均|平均|总额|同比|环比|比上年|比年初|百分点/;
const redactVerb = '(?:隐去|删除|删去|遮盖|遮挡|屏蔽|去标识化|脱敏|隐藏|隐名|匿名化|技术处理|打码|涂黑)';
// An instruction to remove (应当删除……, 需隐去的内容包括……), not a record that something was removed (相关病历已删除).
const redaction = new RegExp(`(?:应当?|需要?|须|要|予以|一律|均|统一|进行|作|做)[^。；;已]{0,12}?${redactVerb}|${redactVerb}[^。；;]{0,6}?(?:的内容|的信息|的事项|的范围|以下|如下|包括)`);
const roster = /名单|名册|花名册|台账|登记表|明细表|信息表|一览表|统计表/;
const request4 = /申请|所需|要求(?:提供|公开|获取)|获取|提供/;
const bracketOpen = /[（(【\[〔〈<]\s*$/;
const bracketClose = /^\s*[）)】\]〕〉>]/;

/**
 * How far a sentence or clause is read on either side of a hit. A real sentence is shorter; a "sentence" of
 * thousands of characters with no stop in it (a pasted table, a hostile file) would otherwise make every hit read
 * all of it, and the scan grow with the square of its length.
 */
export const contextWindow = 300;
/** Longer than any lexicon term, so a search from `from - longestTerm` finds every span that reaches `from`. */
const longestTerm = 64;

function sliceMasked(ctx: HitContext, from: number, to: number): string {
  const m = ctx.masked;
  if (!m) return maskSpans(ctx.text, from, to, ctx.others).text;
  const a = Math.min(Math.max(from, m.start), m.end);
  const b = Math.max(Math.min(to, m.end), a);
  let s = ctx.text.slice(from, Math.max(from, Math.min(to, m.start))) + m.text.slice(a - m.start, b - m.start) + ctx.text.slice(Math.max(b, from, m.end), Math.max(to, m.end));
  // The paragraph masks this hit too; its own characters show unless another hit covers them.
  const ownFrom = Math.max(from, ctx.start);
  const ownTo = Math.min(to, ctx.end);
  if (ownFrom < ownTo) s = s.slice(0, ownFrom - from) + maskSpans(ctx.text, ownFrom, ownTo, ctx.others).text + s.slice(ownTo - from);
  return s;
}

/**
 * What a paragraph's whole text says, read once for all its hits: a paragraph with thousands of hits would
 * otherwise be read once per hit.
 */
interface ParagraphFacts {
  text: string;
  values: Map<string, boolean>;
}
const paragraphFacts = new WeakMap<object, ParagraphFacts>();

function paragraphFact(ctx: HitContext, name: string, read: (paragraph: string) => boolean): boolean {
  let facts = paragraphFacts.get(ctx.paragraph);
  if (facts?.text !== ctx.text) paragraphFacts.set(ctx.paragraph, (facts = { text: ctx.text, values: new Map() }));
  let value = facts.values.get(name);
  if (value === undefined) facts.values.set(name, (value = read(ctx.text.slice(ctx.paragraph.start, ctx.paragraph.end))));
  return value;
}

function bounds(ctx: HitContext, stop: RegExp): { from: number; to: number } {
  const t = ctx.text;
  const { block } = ctx;
  const list = stopPositions(t, stop);
  // A line break inside a block of wrapped lines is where a line ran out, not where a sentence ended.
  const ends = (i: number) => !(t[i] === '\n' && i > block.start && i < block.end);
  const lower = Math.max(block.start, ctx.start - contextWindow);
  const upper = Math.min(block.end, ctx.end + contextWindow);
  let from = lower;
  for (let k = firstAtOrAfter(list, ctx.start) - 1; k >= 0 && list[k]! >= lower; k--) {
    if (ends(list[k]!)) {
      from = list[k]! + 1;
      break;
    }
  }
  let to = upper;
  for (let k = firstAtOrAfter(list, ctx.end); k < list.length && list[k]! < upper; k++) {
    if (ends(list[k]!)) {
      to = list[k]!;
      break;
    }
  }
  return { from: Math.min(from, ctx.start), to: Math.max(to, ctx.end) };
}

function insidePair(before: string, after: string, open: string, close: string): boolean {
  const o = before.lastIndexOf(open);
  if (o < 0 || before.lastIndexOf(close) > o) return false;
  const c = after.indexOf(close);
  const o2 = after.indexOf(open);
  return c >= 0 && (o2 < 0 || c < o2);
}

/** A marking stands on its own: in the 版头 or title, in brackets, or as a short line it begins or ends. */
function markingPosition(ctx: HitContext, before: string, after: string): 'header' | 'standalone' | null {
  if (ctx.paragraph.zone === 'header' || ctx.paragraph.kind === 'title') return 'header';
  if (bracketOpen.test(before) && bracketClose.test(after)) return 'standalone';
  const para = ctx.text.slice(ctx.paragraph.start, ctx.paragraph.end).trim();
  if (para.length > 40) return null;
  const head = ctx.text.slice(ctx.paragraph.start, ctx.start).trim();
  const tail = ctx.text.slice(ctx.end, ctx.paragraph.end).replace(/[\s）)】\]〕。.：:]/g, '');
  // A short sentence that ends on the word (……，保守秘密。) uses it; a label line (XX方案（讨论稿）, 密级：机密) or a
  // closing formula (特此请示) shows it.
  const lastClause = head.slice(Math.max(head.lastIndexOf('。'), head.lastIndexOf('；'), head.lastIndexOf(';')) + 1);
  return head.length === 0 || (tail.length === 0 && !/[，,、]/.test(lastClause) && !protectionBefore.test(lastClause)) ? 'standalone' : null;
}

function namesSomeone(ctx: HitContext, sentence: { from: number; to: number }): boolean {
  for (let i = firstStartingFrom(ctx.personal, sentence.from - longestTerm); i < ctx.personal.length && ctx.personal[i]!.start < sentence.to; i++) {
    if (ctx.personal[i]!.end > sentence.from) return true;
  }
  return false;
}

const entryLead = new RegExp(`${listItem.source}\\s*(\\p{Script=Han}{2,4})[，,、\\s]`, 'u');

/** A list item or table row is one person's entry and is read whole; elsewhere the sentence is the unit. */
function entryOf(ctx: HitContext, sentence: { from: number; to: number }): { from: number; to: number } {
  return paragraphFact(ctx, 'entry', (paragraph) => listItem.test(paragraph) || paragraph.includes('\t')) ? { from: ctx.paragraph.start, to: ctx.paragraph.end } : sentence;
}

// A named facility (城东水厂, 滨江变电站) is a place; 各水厂, 城市供水厂 and 重点变电站 name kinds of facility.
const facility = /(\p{Script=Han}{2,6})(?:污水处理厂|水厂|变电站|变电所|发电厂|电厂|门站|储配站|调压站|加压站|泵站|水库|大坝|枢纽|基站|机房|数据中心|管廊|隧道|大桥|储油库|油库|气库)/gu;
const kindOfFacility = /^(?:各|全|所有|相关|有关|重点|主要|大型|中型|小型|城市|城镇|农村|公共|本市|辖区|区域|现有|新建|已建|在建|下列|以下|上述|部分|其他|一般)|等/;

function namesPlace(text: string): boolean {
  for (const m of text.matchAll(facility)) if (!kindOfFacility.test(m[1]!)) return true;
  return false;
}

/** A person, an anonymised party, a dated event or a named place in the sentence or list entry. */
function particulars(ctx: HitContext, sentence: { from: number; to: number }): boolean {
  const paragraph = ctx.text.slice(ctx.paragraph.start, ctx.paragraph.end);
  const entry = entryOf(ctx, sentence);
  const text = ctx.text.slice(entry.from, entry.to);
  const lead = entry === sentence ? null : entryLead.exec(paragraph);
  return namesSomeone(ctx, entry) || anonymisedName.test(text) || specificDate.test(text) || namesPlace(text) || (lead !== null && looksLikeName(lead[1]!));
}

/**
 * Decides whether a term hit is a concern or a normative mention. Rules run in a fixed order and the
 * first that applies decides, so every finding names one rule an officer can check.
 */
export function judge(ctx: HitContext): Judgement {
  const sentence = bounds(ctx, sentenceEnd);
  const clause = bounds(ctx, clauseEnd);
  const sBefore = sliceMasked(ctx, sentence.from, ctx.start);
  const sAfter = sliceMasked(ctx, ctx.end, sentence.to);
  const cBefore = sliceMasked(ctx, clause.from, ctx.start);
  const cAfter = sliceMasked(ctx, ctx.end, clause.to);
  // Each joined once: a regex flattens the string it reads, and most hits are read by many of them.
  const sJoined = sBefore + sAfter;
  const sBoxed = sBefore + '□' + sAfter;
  const cBoxed = cBefore + '□' + cAfter;
  const mention = (rule: string): Judgement => ({ rule: `mention.${rule}`, negated: true, factor: 0.2 });

  if (insidePair(sBefore, sAfter, '《', '》') || insidePair(sBefore, sAfter, '“', '”') || insidePair(sBefore, sAfter, '「', '」')) return mention('citation');
  if (definition.test(sJoined) || definitionAfter.test(sAfter)) return mention('definition');
  // A question (什么是国家秘密？越级上访能解决问题吗？) opens an explanation; it states no fact about a case.
  if (/^[？?]/.test(ctx.text.slice(sentence.to, sentence.to + 1)) && !namesSomeone(ctx, sentence)) return mention('question');
  if (ctx.inCategoryEnumeration) return mention('list');
  if (ctx.leadIn !== null && leadInCue.test(ctx.leadIn)) return mention('list');
  if (leadInCue.test(sliceMasked(ctx, Math.max(ctx.paragraph.start, ctx.start - contextWindow), ctx.start))) return mention('list');
  // Unmasked: the document's own type word (本纪要, 本请示) may itself be a lexicon hit.
  if (selfReference.test(ctx.text.slice(sentence.from, ctx.start) + '□' + ctx.text.slice(ctx.end, sentence.to))) return { rule: 'signal.self-reference', negated: false, factor: 1.15 };

  const marking = markingPosition(ctx, sBefore, sAfter);
  // A draft released for public comment is published as a draft: its 征求意见稿 mark says so (决策预公开).
  if (ctx.document.kind === 'consultation' && ctx.category === 2 && ctx.mode === 'mark') return mention('consultation');
  if (ctx.mode === 'mark') {
    // A notice that forwards a 请示, or a 批复 that answers one, carries that document's title: it is not one itself.
    // A rule marks itself only in its title or 版头; in its articles the word names a kind of document.
    if (!marking || ctx.document.forwards.has(ctx.text.slice(ctx.start, ctx.end)) || (ctx.document.kind === 'rule' && marking !== 'header')) return mention('reference');
    return { rule: 'signal.marking', negated: false, factor: ctx.paragraph.zone === 'header' ? 1.15 : 1 };
  }

  const request = partyRequest.test(sJoined);
  if ((ctx.category === 1 || ctx.category === 9) && absence.test(cBefore)) return mention('absence');
  if (ctx.category === 1 && aggregate.test(cBoxed) && !namesSomeone(ctx, sentence)) return mention('aggregate');
  if (ctx.category === 7 && personalDataAfter.test(sAfter)) return mention('data-handling');
  if (exceptionBefore.test(sBefore) && exceptionAfter.test(sAfter)) return mention('exception');
  if (/^[^。；;]*?除外/.test(sAfter)) return mention('exception');
  if (!request && (prohibition.test(sBefore) || prohibition.test(sAfter))) return mention('prohibition');
  if (protectionBefore.test(cBefore) || protectionAfter.test(cAfter)) return mention('protection');
  if (duty.test(sBoxed)) return mention('duty');
  if (scopeBefore.test(cBefore) && scopeAfter.test(cAfter)) return mention('scope');
  if (procedureBefore.test(cBefore) && procedureAfter.test(cAfter)) return mention('procedure');
  if (!request && (disclosureRule.test(sBoxed) || disclosedAfter.test(sAfter))) return mention('disclosure-rule');
  // A category named as the ground of a disclosure decision (属于国家秘密……决定不予公开) is the reason given, not content.
  if (ctx.categoryName && !request && (ctx.masked ? paragraphFact(ctx, 'disclosure-rule', () => disclosureRule.test(ctx.masked!.text)) : disclosureRule.test(sliceMasked(ctx, ctx.paragraph.start, ctx.paragraph.end)))) return mention('disclosure-rule');
  const listed = /、$/.test(sBefore) || /^、/.test(sAfter) || /、[^、，,。；;]{1,12}(?:以及|及|和|与)$/.test(sBefore);
  if (ctx.mode === 'topic' && listed && kindsAfter.test(sAfter) && !namesSomeone(ctx, sentence) && !onePerson.test(sJoined) && !specificDate.test(sJoined)) {
    return mention('kinds');
  }

  // A person whose identity a law protects is a concern only where the text identifies one, or where the title says
  // the document is a list of such persons (社区矫正对象花名册).
  if (ctx.mode === 'identity') {
    if (marking === 'header' && paragraphFact(ctx, 'roster', (paragraph) => roster.test(paragraph))) return { rule: 'signal.header', negated: false, factor: 1.05 };
    return namesSomeone(ctx, entryOf(ctx, sentence)) ? { rule: 'signal.identity', negated: false, factor: 1 } : mention('role');
  }

  // 需隐去的内容包括：当事人病情、家庭成员情况: a sentence saying which kinds of data to remove names no one's data.
  if ((ctx.category === 1 || ctx.category === 9) && redaction.test(sBoxed) && !namesSomeone(ctx, sentence) && !onePerson.test(sJoined) && !specificDate.test(sJoined)) {
    return mention('redaction-list');
  }

  const paragraphText = ctx.text.slice(ctx.paragraph.start, ctx.paragraph.end);
  if (ctx.paragraph.kind === 'title' && paragraphFact(ctx, 'rule-title', (paragraph) => ruleTitle.test(paragraph))) return mention('rule-title');
  if (ctx.mode === 'topic' && ctx.leadIn !== null && ruleArticle.test(ctx.leadIn) && ruleEnumeration.test(ctx.leadIn) && !narrative.test(sJoined) && !specificDate.test(sJoined) && !namesSomeone(ctx, sentence)) {
    return mention('normative');
  }
  const shortLine = paragraphText.trim().length <= 40 && !/[。；;，,]/.test(paragraphText);
  if (ctx.mode === 'topic' && shortLine && explainerTitle.test(paragraphText)) return mention('rule-title');
  const normativeSentence = ctx.mode === 'topic' && (normative.test(sBoxed) || ruleArticle.test(paragraphText)) && !narrative.test(sJoined) && !specificDate.test(sJoined) && !namesSomeone(ctx, sentence);
  // A rule, a policy notice, an annual report or a budget is public by what it is: its words about a category are
  // normative unless the sentence carries particulars (a person, an anonymised party, a dated event).
  // Compiling or re-making information is a ground for answering a request (条例第三十八条), never a property of a 公文:
  // the words count only where the sentence answers an application.
  if (ctx.category === 4 && !request4.test(sliceMasked(ctx, sentence.from, sentence.to))) return mention('no-request');
  const { kind } = ctx.document;
  // A marking on its own line (内部资料 注意保管) still marks the document; a topic word in a heading, or a short
  // article or sentence that happens to end on the word (第三条 ……撤销布控。), does not.
  const line = ctx.text.slice(ctx.paragraph.start, ctx.paragraph.end).trim();
  const inText = !marking || (marking === 'standalone' && (ctx.mode === 'topic' || ruleArticle.test(line) || /。$/.test(line)));
  if (kind && inText && (ctx.mode === 'topic' || kind === 'rule') && !particulars(ctx, sentence)) {
    return mention(normativeSentence ? 'normative' : kind === 'rule' ? 'rule-document' : 'public-document');
  }
  if (statisticsCategories.has(ctx.category) && marking !== 'header' && statistics.test(cBoxed) && !namesSomeone(ctx, sentence)) {
    return { rule: 'context.statistics', negated: false, factor: 0.6 };
  }
  if (contextCategories.has(ctx.category) && marking !== 'header' && !ownStaff.test(cBefore)) {
    if (evidenceAfter.test(sAfter) || evidenceBefore.test(cBefore)) return { rule: 'context.evidence', negated: false, factor: 0.6 };
    if (thirdParty.test(cBefore)) return { rule: 'context.third-party', negated: false, factor: 0.6 };
  }
  if (contextCategories.has(ctx.category) && ctx.mode === 'topic' && marking !== 'header' && shortLine && paragraphText.trim().length <= 24 && sectionHeading.test(paragraphText)) {
    return { rule: 'context.heading', negated: false, factor: 0.6 };
  }
  if (marking === 'header') return { rule: 'signal.header', negated: false, factor: ctx.paragraph.zone === 'header' ? 1.15 : 1.05 };
  if (normativeSentence) return mention('normative');
  return { rule: 'signal.content', negated: false, factor: ctx.paragraph.zone === 'footer' ? 0.8 : 1 };
}
