import type { Classification, DocumentMetadata, Paragraph, Zone } from '../../../shared/types.ts';
import { parseChineseDate } from './dates.ts';
import { readSiteFurniture } from './site-furniture.ts';
import { readOrder, readRecord } from './promulgation.ts';
import { cjkChar } from '../../../shared/text.ts';


/** Drops layout spaces ("通  知", "2018 年") but keeps the space between two Latin words or numbers. */
function tidy(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, (space, offset: number, all: string) => {
      const before = all[offset - 1] ?? '';
      const after = all[offset + space.length] ?? '';
      return before && after && !cjkChar.test(before) && !cjkChar.test(after) ? ' ' : '';
    })
    .trim();
}

const DOC_NUMBER = /^(?:(?:发文字号|文号)[:：]?)?([\u4e00-\u9fa5A-Za-z]{1,16}?)[〔\[（(［【]((?:19|20)\d{2})[〕\]）)］】]第?0*(\d{1,5})[号號]/;
const CLASSIFICATION = /^(?:密级[:：]?)?(绝密|机密|秘密)(?:[★☆*＊]([^\s★]{1,8}))?$/;
const URGENCY = /^(?:紧急程度[:：]?)?(特急|加急|急件)$/;
const COPY_NUMBER = /^(?:份号[:：]?)?(\d{6})$/;
const SIGNER = /[签簽][发發]人[:：]\s*(.+)$/;
const ORG_SUFFIX = /(人民政府|政府|办公室|办公厅|委员会|人大常委会|局|厅|部|委|院|署|会|中心|所|处|站|公司|集团|法院|检察院|党委|党组|支部|总队|支队|大队|街道办事处|办事处|管委会|管理委员会|辦公室|辦公廳|委員會|廳|處|團|黨委|黨組|總隊|管委會)$/;
const DOC_TYPE = /((?:决定|通知|告知|意见|建议|答复|催告|告诫|提示|裁定|申请|承诺|协议|责任|任务|倡议|決定|告知|意見|答覆)[书書]|通知|通报|意见|决定|批复|函|复函|报告|请示|办法|规定|方案|纪要|公告|通告|命令|令|议案|决议|公报|细则|规划|计划|要点|指引|指南|目录|条例|章程|制度|规则|规范|标准|清单|决议|答复|说明|总结|报告书|预案|应急预案|公示|纲要|须知|守则|简报|名单|情况通报|解释|预算|决算|大纲|(?:职位|信息|安排|汇总|统计|一览|登记|申请|审批|明细|情况|岗位)表|中华人民共和国[\u4e00-\u9fa5]{1,30}法|通報|決定|批覆|報告|請示|辦法|規定|紀要|議案|決議|細則|規劃|計劃|條例|規則|規範|標準|答覆|說明|總結)$/;
/** How body text opens ("现将…通知", "经研究，决定"); a title never does. */
const BODY_OPENER = /^(现将|现就|现予|现对|特此|经研究|经审查|经审核|经调查|经查|请|根据|按照|依据|依照|为了|鉴于)/;
const DRAFT_SUFFIX = /[（(][^（）()]{1,12}稿[）)]$/;
/** What may close a title after its 文种: （试行）, （2018—2035年）, （第一批）, （共469人）. */
const TRAILING_QUALIFIER = /[（(][^（）()]{1,20}[）)]$/;
/** A draft stage or a session printed under the title: part of it, never the 附注. */
const TITLE_QUALIFIER = /^(?:[（(][^（）()]{0,10}稿[）)]|[（(]?第[\d一二三四五六七八九十百]+[次期][）)]?)$/;
/** A 版头 line that restricts handling ("内部资料 注意保存", "此件不得外传"): an element of the 版头, never the title. */
const HANDLING_NOTICE =
  /^(?:[★☆]?(?:内部资料|内部文件|内部参阅|内部参考|内部刊物|内部发行|内部使用|内部材料|工作秘密|注意保存|注意保密|妥善保管|妥善保存|请勿外传|不得外传|严禁外传|不得翻印|不得复制|不得转发|阅后收回|用后收回|阅后退回|用毕退回|此件不得外传|此件不得翻印|此件不得上网|此件不得转发|仅供内部参考|仅供参考|机关内部)[，,、。；;\s]*)+$/;
/** A line that holds only an agency above a title that needs one in front: 关于…, 转发…, a year, a meeting. */
const NEEDS_AGENCY = /^(?:关于|对|转发|批转|印发|(?:19|20)\d{2}年|[〇零○一二三四五六七八九]{4}年|第[\d一二三四五六七八九十百]+次|常务会议|办公会议)/;
/** An attachment label in front of a title ("附件一", "附件2："); the title is what follows. */
const ATTACHMENT_LABEL = /^附件[一二三四五六七八九十\d]{0,3}[:：]?/;
const PAREN_DATE = /^[（(]((?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇零○ＯO一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)[）)]$/;
const ISO_DATE = /^((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const ENUMERATED = /^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.]|第[一二三四五六七八九十百\d]+[章节条])/;
const WEB_META = /(发布日期|发布时间|浏览|来源[:：]|信息来源|作者[:：]|点击|责任编辑|时间[:：])/;
/** Labels of forms (收文处理单 and the like): such lines are fields, never a title or a 发文机关标志. */
const FORM_LABEL = /(来文单位|来文文号|来文日期|收文日期|收文编号|收文机关|公文标题|紧急程度|公开方式|处理类型|登记人|阅文时限)/;
/** Dot leaders of forms, and the red line (a row of rules) under a 版头. */
const LEADER = /[⋯…·.．\-—_━─═＿=]{4,}/;
const YEAR_IN_BRACKETS = '[〔\\[（(［【](?:19|20)\\d{2}[〕\\]）)］】]';
const AGENCY_CODE = /^(?:(?:发文字号|文号)[:：]?)?[\u4e00-\u9fa5A-Za-z]{1,16}$/;
const AGENCY_AND_YEAR = new RegExp(`^(?:(?:发文字号|文号)[:：]?)?[\\u4e00-\\u9fa5A-Za-z]{1,16}${YEAR_IN_BRACKETS}$`);
const STARTS_WITH_YEAR = new RegExp(`^${YEAR_IN_BRACKETS}`);
const SERIAL = /^第?\d{1,5}[号號]/;

/** A 发文字号 broken over two lines: "玉政办发" / "〔2018〕48号", or "玉政办发〔2018〕" / "48号". */
const splitDocNumber = (line: string, next: string) =>
  (AGENCY_CODE.test(line) && STARTS_WITH_YEAR.test(next)) || (AGENCY_AND_YEAR.test(line) && SERIAL.test(next));
const CITED_DOC_NUMBER = /[〔\[［【](?:19|20)\d{2}[〕\]］】]\d{1,5}[号號]/;
const NOTE = /^[（(](?![^（）()]*稿[）)])([^（）()]{2,40})[）)]$/;
const PUBLICITY_NOTE = /^[（(]此件[^（）()]{1,12}[）)]$/;
/** 附注 on publicity, also written without brackets: 此件公开发布, 此件不予公开, 此件依申请公开. */
const BARE_PUBLICITY_NOTE = /^此件(?:主动|依申请|不予|部分|删减后|不|暂不)?公开(?:发布)?$/;
/** The publicity field many offices print under the date or in the 版记 instead: 公开方式：主动公开. */
const PUBLICITY_FIELD = /^(?:公开方式|公开属性|信息公开选项|政府信息公开选项|公开类型)[:：](?:主动公开|依申请公开|不予公开|不公开|部分公开|删减后公开|免予公开)$/;
const isPublicityNote = (line: string) => PUBLICITY_NOTE.test(line) || BARE_PUBLICITY_NOTE.test(line) || PUBLICITY_FIELD.test(line);
const ATTACHMENTS = /^附件[:：](.*)$/;
const ATTACHMENT_ITEM = /^\d{1,2}[．.、]\s*(.+)$/;
const CC = /^抄送[:：](.*)$/;
const PRINTED = /^(.*?)(?<!\s)\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零○Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)\s*印[发發]$/;
const DATE_ALONE = /^((?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇零○ＯO一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$/;
const ORG_THEN_DATE = /^(.{2,40}?)\s+((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零○ＯO一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$/;

const GLUED_ORG_THEN_DATE = /^(.{2,40}?)((?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇零○ＯO一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$/;
/** What is left of a date broken over lines ("16日", "6月16日"): nothing but date characters. */
const DATE_PIECE = /^[\d〇零○ＯO一二三四五六七八九十年月日]{1,8}$/;
const compact = (s: string) => s.replace(/[\s\u3000]+/g, '');

const toHalfWidthDigits = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** A Markdown copy's heading marks and bold asterisks are layout, like spaces. */
const withoutMarkup = (s: string) => s.replace(/^\s*#{1,6}\s+/, '').replace(/\*\*/g, '');
const MARKDOWN_HEADING = /^\s*#\s+\S/;

const PAIRS: [string, string][] = [['《', '》'], ['（', '）'], ['(', ')'], ['“', '”'], ['〈', '〉'], ['【', '】']];
/** A title cut inside 《…（…）》 or “…” is not a whole title yet. */
const balanced = (t: string) => PAIRS.every(([open, close]) => t.split(open).length === t.split(close).length);

/** Metadata with nothing recognised: what a document without 版头 or 版记 yields, and what a builder fills in. */
export function emptyMetadata(): DocumentMetadata {
  return {
    copyNumber: null,
    classification: null,
    urgency: null,
    issuerMark: null,
    docNumber: null,
    docNumberRaw: null,
    signer: null,
    title: null,
    addressee: null,
    attachments: [],
    issuer: null,
    date: null,
    dateRaw: null,
    note: null,
    cc: null,
    printedBy: null,
    printedDate: null,
  };
}

const isSentence = (t: string) => /[。；;！!？?]/.test(t) || t.length > 80;
const isOrgName = (t: string) => t.length >= 3 && t.length <= 40 && !/[，,。：:；;、《》“”"]|关于|转发|批转|印发/.test(t) && ORG_SUFFIX.test(t.split(' ').at(-1) ?? t);
const isAddressee = (t: string) => /[:：]$/.test(t) && t.length <= 150 && !isSentence(t.slice(0, -1)) && !/^(附件|抄送|主题词|签发人|联系人|电话)/.test(t);

function stripBookTitle(t: string): string {
  const m = /^《(.+)》$/.exec(t);
  return m ? m[1]! : t;
}

function isTitleLike(t: string): boolean {
  const core = stripBookTitle(t);
  if (core.length < 4 || core.length > 100 || isSentence(core) || /[:：]$/.test(core) || !/[\u4e00-\u9fa5]/.test(core)) return false;
  if (ENUMERATED.test(core) || WEB_META.test(core) || DATE_ALONE.test(core) || DOC_NUMBER.test(core) || CITED_DOC_NUMBER.test(core)) return false;
  if (FORM_LABEL.test(core) || LEADER.test(core) || NOTE.test(core)) return false;
  if (/^(附件|抄送|签发人)/.test(core) || BODY_OPENER.test(core)) return false;
  return true;
}

const endsTitle = (t: string) => {
  const core = stripBookTitle(t).replace(DRAFT_SUFFIX, '');
  return DOC_TYPE.test(core) || DOC_TYPE.test(core.replace(TRAILING_QUALIFIER, ''));
};

function readClassification(token: string): Classification | null {
  const m = CLASSIFICATION.exec(token);
  if (!m) return null;
  return { level: m[1] as Classification['level'], period: m[2] ?? null, raw: token };
}

/** A 密级 marking on a line of its own or among its tokens ("机密★5年", "密级：秘密", "绝密★长期 特急"). */
export function classificationIn(line: string): Classification | null {
  const whole = readClassification(toHalfWidthDigits(line).replace(/[\s\u3000]+/g, ''));
  if (whole) return whole;
  for (const token of line.split(/[\s\u3000]+/).filter(Boolean).map(tidy)) {
    const found = readClassification(toHalfWidthDigits(token));
    if (found) return found;
  }
  return null;
}

/** The document's lines as the metadata reader sees them. */
interface Layout {
  /** Tidied: layout spaces and Markdown marks dropped, digits half-width. */
  lines: string[];
  raw: string[];
  /** Page, database and form furniture around the document (site-furniture.ts). */
  furniture: Set<number>;
  /** Lines of two or more table cells: a table row is never a title. */
  rows: Set<number>;
}

/** 发文机关标志: "××文件", or an agency name right beside the 发文字号. */
function findIssuerMark(layout: Layout, limit: number, docNumberIndex: number): number {
  const { lines } = layout;
  const plausible = (i: number) => {
    const t = lines[i]!;
    return !layout.furniture.has(i) && t.length >= 3 && t.length <= 40 && !isSentence(t) && !FORM_LABEL.test(t) && !/关于|[:：]/.test(t);
  };
  const stop = docNumberIndex >= 0 ? docNumberIndex : limit;
  for (let i = 0; i < stop; i++) if (plausible(i) && /文件$/.test(lines[i]!)) return i;
  for (const i of [docNumberIndex - 1, docNumberIndex + 1]) {
    if (docNumberIndex >= 0 && i >= 0 && i < limit && plausible(i) && isOrgName(lines[i]!)) return i;
  }
  return -1;
}

interface HeaderScan {
  firstHeaderIndex: number;
  lastHeaderIndex: number;
  markIndex: number;
  docNumberIndex: number;
  titleFromDocNumberLine: string | null;
  /** Lines that hold 份号, 密级, 紧急程度, 发文字号, 签发人 or a handling notice: never part of a title. */
  elementLines: Set<number>;
}

const setDocNumber = (meta: DocumentMetadata, number: RegExpExecArray) => {
  meta.docNumberRaw = number[0].replace(/^(?:发文字号|文号)[:：]?/, '');
  meta.docNumber = `${number[1]}〔${number[2]}〕${number[3]}号`;
};

/** 版头: 份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人 — only before the first sentence of the body. */
function scanHeader(layout: Layout, limit: number, meta: DocumentMetadata): HeaderScan {
  const { lines, raw } = layout;
  const scan: HeaderScan = { firstHeaderIndex: -1, lastHeaderIndex: -1, docNumberIndex: -1, markIndex: -1, titleFromDocNumberLine: null, elementLines: new Set() };
  for (let i = 0; i < limit; i++) {
    if (layout.furniture.has(i)) continue;
    const line = lines[i]!;
    let matched = HANDLING_NOTICE.test(line);
    const whole = readClassification(toHalfWidthDigits(raw[i]!).replace(/[\s\u3000]+/g, ''));
    if (whole && meta.classification === null) {
      meta.classification = whole;
      matched = true;
    }
    for (const token of raw[i]!.split(/[\s\u3000]+/).filter(Boolean).map(tidy)) {
      const copy = COPY_NUMBER.exec(token);
      if (copy && meta.copyNumber === null) {
        meta.copyNumber = copy[1]!;
        matched = true;
      }
      const classification = readClassification(token);
      if (classification && meta.classification === null) {
        meta.classification = classification;
        matched = true;
      }
      const urgency = URGENCY.exec(token);
      if (urgency && meta.urgency === null) {
        meta.urgency = urgency[1] as DocumentMetadata['urgency'];
        matched = true;
      }
    }
    let number = DOC_NUMBER.exec(line);
    let rest = number ? line.slice(number[0].length) : '';
    const inParentheses = !number && /^[（(].*[）)]$/.test(line) ? DOC_NUMBER.exec(line.slice(1, -1)) : null;
    if (inParentheses && inParentheses[0].length === line.length - 2) number = inParentheses;
    if (!number && meta.docNumber === null && i + 1 < limit && splitDocNumber(line, lines[i + 1]!)) {
      const joined = DOC_NUMBER.exec(line + lines[i + 1]!);
      if (joined && joined[0].length > line.length) {
        number = joined;
        rest = (line + lines[i + 1]!).slice(joined[0].length);
        scan.lastHeaderIndex = Math.max(scan.lastHeaderIndex, i + 1);
      }
    }
    if (number && meta.docNumber === null) {
      setDocNumber(meta, number);
      scan.docNumberIndex = i;
      matched = true;
      rest = rest.replace(SIGNER, '').trim();
      if (rest && isTitleLike(rest) && endsTitle(rest)) scan.titleFromDocNumberLine = stripBookTitle(rest);
    }
    const signer = SIGNER.exec(raw[i]!.trim());
    if (signer && meta.signer === null) {
      meta.signer = signer[1]!.trim().replace(/[\s\u3000]+/g, ' ');
      matched = true;
    }
    if (matched) {
      scan.elementLines.add(i);
      scan.lastHeaderIndex = Math.max(scan.lastHeaderIndex, i);
      scan.firstHeaderIndex = scan.firstHeaderIndex < 0 ? i : scan.firstHeaderIndex;
    }
  }
  const markIndex = findIssuerMark(layout, limit, scan.docNumberIndex);
  if (markIndex >= 0) {
    meta.issuerMark = lines[markIndex]!;
    scan.markIndex = markIndex;
    scan.lastHeaderIndex = Math.max(scan.lastHeaderIndex, markIndex);
    scan.firstHeaderIndex = scan.firstHeaderIndex < 0 ? markIndex : Math.min(scan.firstHeaderIndex, markIndex);
  }
  return scan;
}

/**
 * A line that may hold the 成文日期, joined with the next one or two when PDF text broke the date
 * after 年 or 月 ("2024年6月" / "12日").
 */
function dateLine(lines: string[], i: number): { line: string; last: number } {
  let line = lines[i]!;
  let last = i;
  while (last + 1 < lines.length && last - i < 2 && /[年月]$/.test(line) && DATE_PIECE.test(compact(lines[last + 1]!))) line += lines[++last]!;
  return { line, last };
}

type Range = { start: number; end: number };

/** A line that can be (part of) a title: not furniture, a table row, a 版头 element or an agency name. */
const mayBeTitle = (layout: Layout, i: number, header: HeaderScan, meta: DocumentMetadata) =>
  !layout.furniture.has(i) && !layout.rows.has(i) && layout.lines[i] !== meta.issuerMark && !header.elementLines.has(i) && !isOrgName(layout.lines[i]!) && isTitleLike(layout.lines[i]!);

/** A title line without an attachment label in front ("附件一 ××名单") or 《》 around it. */
function titleText(line: string): string {
  const bare = stripBookTitle(line);
  const unlabelled = bare.replace(ATTACHMENT_LABEL, '');
  return unlabelled !== bare && unlabelled.length >= 4 ? stripBookTitle(unlabelled) : bare;
}

/**
 * The title that starts at line i: one to three lines ending in a 文种 word with every bracket closed,
 * the agency line(s) above a "关于…" subject included, since GB/T 9704 titles name the issuing agency.
 */
function titleAt(layout: Layout, i: number, limit: number, header: HeaderScan, meta: DocumentMetadata): Range & { title: string } | null {
  const { lines } = layout;
  const usable = (k: number) => k < limit && !layout.furniture.has(k) && !layout.rows.has(k) && !header.elementLines.has(k) && lines[k] !== meta.issuerMark;
  let k = i;
  let title = '';
  while (usable(k) && isOrgName(lines[k]!) && k - i < 3) title += lines[k++]!;
  // Right under 密级, 份号 or 紧急程度 an agency line is the 发文机关标志, not the start of the title.
  if (k > i && (!(usable(k) && NEEDS_AGENCY.test(lines[k]!)) || header.elementLines.has(i - 1))) return null;
  if (!usable(k)) return null;
  const first = titleText(lines[k]!);
  if (!isTitleLike(first)) return null;
  title += first;
  let end = k;
  const complete = () => endsTitle(title) && balanced(title);
  while (!complete() && end + 1 < limit && end - k < 2 && usable(end + 1) && isTitleLike(lines[end + 1]!) && !isAddressee(lines[end + 1]!)) title += lines[++end]!;
  if (!complete()) return null;
  // A middle line can end in a 文种 word ("…记录制度"): the title runs on to the line before the 发文字号 or 主送机关.
  const stops = (j: number) => j >= lines.length || header.elementLines.has(j) || isAddressee(lines[j]!) || isSentence(lines[j]!) || DOC_NUMBER.test(lines[j]!);
  const next = lines[end + 1];
  if (next !== undefined && end - k < 2 && usable(end + 1) && !title.endsWith(next) && !isOrgName(next) && isTitleLike(next) && endsTitle(next) && stops(end + 2)) title += lines[++end]!;
  return { start: i, end, title };
}

/** A title whatever word it ends in, when the drafter set it in a title or heading style before the body. */
function styledTitle(layout: Layout, paragraphs: Paragraph[], from: number, bodyStart: number, header: HeaderScan, meta: DocumentMetadata): Range | null {
  const first = Math.max(from, header.lastHeaderIndex + 1);
  for (let i = first; i < bodyStart; i++) {
    if (layout.furniture.has(i)) continue;
    if (isAddressee(layout.lines[i]!)) return null;
    const kind = paragraphs[i]!.kind;
    if (kind === 'title' || (kind === 'heading' && i <= first + 2)) return mayBeTitle(layout, i, header, meta) ? { start: i, end: i } : null;
  }
  return null;
}

/**
 * GB/T 9704 puts the title between the 版头 (or its red line) and the 主送机关: the one to three lines
 * right above "各单位：" are the title whatever word they end in, a short last line ("安排") included.
 */
function titleAboveAddressee(layout: Layout, from: number, bodyStart: number, header: HeaderScan, meta: DocumentMetadata): Range | null {
  const { lines } = layout;
  const first = Math.max(from, header.lastHeaderIndex + 1);
  let addressee = -1;
  for (let i = first; i <= Math.min(bodyStart, lines.length - 1); i++) {
    if (!layout.furniture.has(i) && isAddressee(lines[i]!)) {
      addressee = i;
      break;
    }
  }
  let start = addressee;
  while (start - 1 >= first && addressee - start < 3 && !layout.furniture.has(start - 1) && !LEADER.test(lines[start - 1]!) && !isSentence(lines[start - 1]!) && !header.elementLines.has(start - 1) && lines[start - 1] !== meta.issuerMark && !DATE_ALONE.test(lines[start - 1]!)) start--;
  while (start < addressee && !mayBeTitle(layout, start, header, meta)) start++;
  return start >= 0 && start < addressee ? { start, end: addressee - 1 } : null;
}

function isoDate(raw: string): string | null {
  const text = toHalfWidthDigits(raw.replace(/\s+/g, ''));
  const iso = ISO_DATE.exec(text);
  return iso ? parseChineseDate(`${iso[1]}年${Number(iso[2])}月${Number(iso[3])}日`) : parseChineseDate(text);
}

const dateOf = (line: string): { iso: string; raw: string } | null => {
  const alone = DATE_ALONE.exec(line) ?? DATE_ALONE.exec(compact(line));
  const iso = alone ? isoDate(alone[1]!) : null;
  return iso ? { iso, raw: alone![1]! } : null;
};

/**
 * Reads GB/T 9704 elements from the paragraphs of a 公文 and assigns each paragraph its zone
 * (版头 header / 主体 body / 版记 footer). Pure; a field that is not there stays null.
 */
export function parseMetadata(text: string, paragraphs: Paragraph[]): { metadata: DocumentMetadata; paragraphs: Paragraph[] } {
  const meta = emptyMetadata();
  const raw = paragraphs.map((p) => text.slice(p.start, p.end));
  const clean = (s: string) => tidy(toHalfWidthDigits(withoutMarkup(s)));
  const lines = raw.map(clean);
  const n = lines.length;
  const rows = new Set(raw.flatMap((r, i) => (r.split('\t').filter((c) => c.trim()).length > 1 ? [i] : [])));
  const page = readSiteFurniture(raw, lines, clean, isSentence, (t) => isTitleLike(t) && endsTitle(t));
  const layout: Layout = { lines, raw, furniture: page.furniture, rows };
  const from = page.start;
  const firstSentence = lines.findIndex((l, i) => i >= from && !page.furniture.has(i) && isSentence(l));
  const bodyStart = firstSentence < 0 ? Math.min(n, from + 15) : Math.min(firstSentence, from + 15);

  const header = scanHeader(layout, bodyStart, meta);

  let titleStart = -1;
  let titleEnd = -1;
  let recordEnd = -1;
  const setTitle = (range: Range, title: string) => {
    meta.title = title;
    titleStart = range.start;
    titleEnd = range.end;
  };

  // A 令 promulgates the text it names: that text's title is the title, the 令's number and date are the document's.
  const order = readOrder(lines, from, (i) => page.furniture.has(i) || !lines[i], dateOf);
  if (order) {
    meta.docNumber = meta.docNumberRaw = order.docNumber;
    if (order.date) {
      meta.date = order.date;
      meta.dateRaw = order.dateRaw;
    }
    header.firstHeaderIndex = header.firstHeaderIndex < 0 ? order.start : Math.min(header.firstHeaderIndex, order.start);
    header.lastHeaderIndex = Math.max(header.lastHeaderIndex, order.end);
    recordEnd = order.end;
    for (let k = order.end + 1; k < Math.min(n, order.end + 4); k++) {
      if (order.promulgated && compact(lines[k]!) === compact(order.promulgated)) {
        setTitle({ start: k, end: k }, lines[k]!);
        break;
      }
    }
    if (meta.title === null && order.promulgated) meta.title = order.promulgated;
  }

  // A Markdown copy opens with its title as a "# " heading.
  const firstLine = lines.findIndex((l, i) => l !== '' && !page.furniture.has(i));
  if (meta.title === null && firstLine >= 0 && MARKDOWN_HEADING.test(raw[firstLine]!) && isTitleLike(lines[firstLine]!)) {
    setTitle({ start: firstLine, end: firstLine }, stripBookTitle(lines[firstLine]!));
  }

  // From where the document begins; a rule or source line under its title can make that look later than it is.
  for (const begin of from > 0 ? [from, 0] : [0]) {
    for (let i = begin; meta.title === null && i < bodyStart; i++) {
      const line = lines[i]!;
      if (page.furniture.has(i)) continue;
      if (isAddressee(line)) break;
      if (i === header.docNumberIndex && header.titleFromDocNumberLine) {
        setTitle({ start: i, end: i }, header.titleFromDocNumberLine);
        break;
      }
      if (line === meta.issuerMark || header.elementLines.has(i) || rows.has(i)) continue;
      const found = titleAt(layout, i, bodyStart, header, meta);
      if (found) setTitle(found, found.title);
    }
  }

  if (meta.title === null) {
    const found = styledTitle(layout, paragraphs, from, bodyStart, header, meta) ?? titleAboveAddressee(layout, from, bodyStart, header, meta);
    if (found) setTitle(found, lines.slice(found.start, found.end + 1).map(stripBookTitle).join(''));
  }

  // A draft stage or session under the title belongs to it, with or without a date line between.
  let qualifierIndex = -1;
  if (titleEnd >= 0 && meta.title !== null) {
    const next = titleEnd + 1 < n && dateOf(lines[titleEnd + 1]!) && /稿[）)]$/.test(lines[titleEnd + 2] ?? '') ? titleEnd + 2 : titleEnd + 1;
    if (next < n && TITLE_QUALIFIER.test(lines[next]!)) {
      meta.title += lines[next]!;
      qualifierIndex = next;
      if (next === titleEnd + 1) titleEnd = next;
    }
  }

  // Laws, regulations and rules record under the title when they were adopted, amended and promulgated.
  if (titleEnd >= 0) {
    const record = readRecord(lines, titleEnd + 1, (i) => page.furniture.has(i) || !lines[i] || lines[i] === meta.title);
    if (record) {
      recordEnd = record.end;
      if (record.date && meta.date === null) {
        meta.date = record.date;
        meta.dateRaw = record.dateRaw;
      }
      if (record.docNumber && meta.docNumber === null) meta.docNumber = meta.docNumberRaw = record.docNumber;
    }
  }

  // An agency name right above a title that comes first (行政处罚决定书 and other 执法文书) is its 发文机关标志.
  const aboveTitle = titleStart - 1;
  if (meta.issuerMark === null && aboveTitle >= 0 && aboveTitle <= 3 && (aboveTitle === 0 || header.firstHeaderIndex === 0) && !page.furniture.has(aboveTitle) && isOrgName(lines[aboveTitle]!)) {
    meta.issuerMark = lines[aboveTitle]!;
    header.firstHeaderIndex = Math.min(aboveTitle, header.firstHeaderIndex < 0 ? aboveTitle : header.firstHeaderIndex);
  }

  const addresseeFrom = titleEnd >= 0 ? titleEnd + 1 : Math.max(from, header.lastHeaderIndex + 1);
  let addresseeIndex = -1;
  for (let i = addresseeFrom; i <= Math.min(bodyStart, n - 1); i++) {
    if (page.furniture.has(i)) continue;
    if (isAddressee(lines[i]!)) {
      meta.addressee = lines[i]!.slice(0, -1);
      addresseeIndex = i;
      break;
    }
    if (isSentence(lines[i]!)) break;
  }

  const contentStart = Math.max(titleEnd + 1, header.lastHeaderIndex + 1, addresseeIndex + 1, recordEnd + 1);
  let dateIndex = -1;
  let dateEnd = -1;
  for (let i = contentStart; meta.date === null && i < n; i++) {
    if (page.furniture.has(i)) continue;
    const { line, last } = dateLine(lines, i);
    const alone = PAREN_DATE.exec(line) ?? DATE_ALONE.exec(line) ?? DATE_ALONE.exec(compact(line));
    const spaced = alone ? null : ORG_THEN_DATE.exec(line);
    const withOrg = alone ? null : spaced && isOrgName(spaced[1]!.trim()) ? spaced : GLUED_ORG_THEN_DATE.exec(compact(line));
    const rawDate = alone?.[1] ?? (withOrg && isOrgName(withOrg[1]!.trim()) ? withOrg[2]! : null);
    const iso = rawDate ? isoDate(rawDate) : null;
    if (!iso || !rawDate) continue;
    meta.date = iso;
    meta.dateRaw = rawDate;
    dateIndex = i;
    dateEnd = last;
    if (withOrg) meta.issuer = withOrg[1]!.trim();
    else {
      const issuers: string[] = [];
      for (let k = i - 1; k >= 0 && issuers.length < 3 && isOrgName(lines[k]!); k--) issuers.unshift(lines[k]!);
      if (issuers.length > 0) meta.issuer = issuers.join(' ');
    }
  }

  const attachmentsEnd = dateIndex >= 0 ? dateIndex : n;
  for (let i = contentStart; i < attachmentsEnd; i++) {
    const m = ATTACHMENTS.exec(lines[i]!);
    if (!m) continue;
    const first = m[1]!.trim();
    const items: string[] = [];
    if (first) items.push(ATTACHMENT_ITEM.exec(first)?.[1] ?? first);
    for (let k = i + 1; k < attachmentsEnd; k++) {
      const item = ATTACHMENT_ITEM.exec(lines[k]!);
      if (!item || isSentence(lines[k]!)) break;
      items.push(item[1]!);
    }
    meta.attachments = items;
    break;
  }

  if (dateIndex >= 0) {
    const underDate = lines.slice(dateEnd + 1, dateEnd + 4).find((l) => NOTE.test(l) || isPublicityNote(l));
    meta.note = underDate ?? lines.slice(dateEnd + 1).find(isPublicityNote) ?? null;
  } else {
    meta.note = lines.find((l) => PUBLICITY_NOTE.test(l) || BARE_PUBLICITY_NOTE.test(l)) ?? lines.slice(-5).find((l) => PUBLICITY_FIELD.test(l)) ?? null;
  }

  let footerStart = n;
  const searchFooterFrom = Math.max(dateEnd + 1, contentStart);
  for (let i = n - 1; i >= searchFooterFrom; i--) {
    const printed = PRINTED.exec(lines[i]!);
    if (printed && meta.printedDate === null) {
      meta.printedBy = printed[1]!.trim() || null;
      meta.printedDate = isoDate(printed[2]!);
      footerStart = Math.min(footerStart, i);
    }
    const cc = CC.exec(lines[i]!);
    if (cc && meta.cc === null) {
      let value = cc[1]!.trim();
      for (let k = i + 1; k < n && !/。$/.test(value) && k - i <= 3 && !PRINTED.test(lines[k]!) && !CC.test(lines[k]!); k++) value += lines[k]!;
      meta.cc = value.replace(/。$/, '') || null;
      footerStart = Math.min(footerStart, i);
    }
  }

  // A site's metadata table or a form's 标题 field states the document's own title, number and date.
  const fields = page.fields;
  if (fields.title) meta.title = clean(fields.title);
  if (fields.docNumber) {
    const value = clean(fields.docNumber);
    const number = DOC_NUMBER.exec(value);
    if (number && number[0].length === value.length) setDocNumber(meta, number);
    else meta.docNumber = meta.docNumberRaw = value;
  }
  const fieldDate = fields.date ? isoDate(fields.date) : null;
  if (fieldDate) {
    meta.date = fieldDate;
    meta.dateRaw = fields.date!.trim();
  }

  const headerEnd = titleStart >= 0 ? (header.firstHeaderIndex >= 0 && header.firstHeaderIndex < titleStart ? titleStart : 0) : header.lastHeaderIndex + 1;
  const zoned = paragraphs.map((p, i): Paragraph => {
    const zone: Zone = i < headerEnd ? 'header' : i >= footerStart ? 'footer' : 'body';
    const kind = (i >= titleStart && i <= titleEnd && titleStart >= 0) || i === qualifierIndex ? 'title' : p.kind;
    return { ...p, zone, kind };
  });
  return { metadata: meta, paragraphs: zoned };
}
