import type { DocumentMetadata, Span } from '../../../shared/types.ts';
import { normalise } from './normalise.ts';

/**
 * What a document is, judged from its title, 版头, 发文字号, addressee and structure. A document of one of these
 * kinds is public by what it is: its words about the categories are normative unless a sentence carries particulars.
 * - `rule`: a law, regulation, 规章 or 规范性文件 (articles, a rule word ending the title, a 令, a 规 number, 印发 of a rule);
 *   every body word without particulars is a mention.
 * - `policy`: a public document that sets or announces policy (意见, 决定, 通告, 公告, 公示, 批复, 印发/转发 notices, a
 *   notice to the governments or departments below); its topic words without particulars are mentions.
 * - `annual-report`, `budget`, `statistics`, `consultation`: content the law says must be published (条例第五十条,
 *   预算法第十四条, 统计法, a draft released for public consultation); topic words without particulars are mentions.
 */
type DocumentKind = 'rule' | 'policy' | 'annual-report' | 'budget' | 'statistics' | 'consultation';

export interface DocumentProfile {
  kind: DocumentKind | null;
  /** Document types the title names as what this document forwards or answers (转发……请示的通知: 请示). */
  forwards: ReadonlySet<string>;
  /** Addressed to the office's own leaders or sections (局领导：, 各科室：): it circulates inside the office. */
  internal: boolean;
}

const headLines = 30;
const articleLine = /^\s*(?:#{1,6}\s*)?第[一二三四五六七八九十百零〇\d]{1,5}条/;
const minArticles = 5;
// A rule names itself by its last word: 中华人民共和国档案法, 信访工作条例, 管理办法（试行）, 若干规定. 做法/方法/说法 are not rules.
const ruleTitle = /(?:(?<![做方想说看写用干办执司立守违合非依手算书])法|条例|规定|办法|细则|规则|规程|准则|章程|守则|司法解释|的解释)$/;
const policyTitle = /(?:(?<!处理|审查|审核|评审|初步|研究|征求|答复|反馈|会商|会签|磋商|书面)意见|(?<!处罚|许可|复议|处理|处分)决定|纲要|规划|通告|公告|公示|批复|复函)$/;
// Lists a recruiting office must publish (公务员法第三十二条: 拟录用人员名单; 招聘岗位表, 体检、考察、面试人员名单) and
// commendation lists are public by law; their names are published on purpose.
const publicList = /(?:拟录用|录用|拟聘用|聘用|招聘|招录|遴选|选调|体检|考察|面试|递补|入围|资格复审|拟表彰|表彰|拟任|任前)[^。；;]{0,30}(?:名单|人员|人选|岗位表|职位表|岗位信息表|职位信息表|岗位一览表|计划表)$/;
const titleQualifier = /(?<!\s)\s*(?:[（(][^（）()]{1,16}[）)]\s*)+$/;
const processQualifier = /征求意见稿|讨论稿|送审稿|修改稿|审议稿|代拟稿|草稿|初稿|未定稿|草案/;
const issuingNotice = /(?:印发|转发|公布|颁布)[^。；;]{1,80}的(?:通知|决定|公告)$/;
const issuedRule = /(?:印发|颁布|公布)[^。；;]{0,60}?(?:法|条例|规定|办法|细则|规则|规程|准则|章程|守则)(?:[（(][^（）()]{1,12}[）)])?》?的(?:通知|决定|公告)$/;
const order = /(?:政府|国务院|部|委员会|总局|局|署|行)令\s*$/;
const orderNumber = /^\s*第\s*[\d一二三四五六七八九十百零〇]{1,5}\s*号\s*$/;
// 行政规范性文件 carry a 规 in their number (穗府办规〔2021〕7号, 穗建规字〔2024〕5号).
const normativeNumber = /^[\p{Script=Han}]{1,12}规字?\s*[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*第?\d{1,5}\s*号/u;
const annualReport = /年度报告|工作报告书?\s*$|年报$/;
const disclosureReport = /政府信息公开|信息公开工作/;
const budget = /(?:19|20)\d{2}\s*年度?[^。；;，,]{0,24}?(?:预算|决算)(?:公开|报告|说明|情况)?$|(?:部门|单位)(?:预算|决算)$|三公经费/;
const budgetField = /^\s*(?:预算主管部门|预算单位|决算单位)\s*[：:]/;
const statistics = /统计公报|统计报告|统计年鉴|国民经济和社会发展统计|统计数据$/;
// A draft released for comment says so, wherever in the text: 向社会公开征求意见, 征求社会各界意见.
const publicConsultation = /(?:向社会|面向社会|向社会各界|向公众)(?:公开)?征求|公开征求(?:意见|建议)|征求社会(?:各界|公众)?(?:的)?意见/;
// The office's own leaders (局领导, 王局长) or sections (各科室, 局机关各处室) as addressee.
const internalAddressee = /^(?:[\p{Script=Han}]{0,6}领导(?:同志)?|[\p{Script=Han}]{1,4}(?:局长|主任|书记|厅长|部长|区长|市长|县长|镇长|处长|科长))[：:]$|^(?:局机关|委机关|机关|本局|本委|本单位)?各(?:科室|处室|股室|部室|科|处|股|党组成员|支部|班子成员)/u;
const externalAddressee = /^\s*各(?!科室|处室|股室|部室|科|处|股|组|党组成员|支部|党支部|班子成员)[^：:]{1,80}[：:]\s*$/;

function lines(text: string, paragraphs: readonly Span[], count: number): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    if (out.length >= count) break;
    const line = text.slice(p.start, p.end).trim();
    if (line) out.push(line);
  }
  return out;
}

// A numbered heading (四、推荐意见) or an article is a part of the text, never its title.
const enumerated = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．]|第[一二三四五六七八九十百零〇\d]{1,5}[章节条])/;
const minTitle = 4;

const bare = (line: string) => line.replace(/^#{1,6}\s*/, '').replace(/[*_`]/g, '').replace(/\s+/g, '');

/**
 * Title candidates: the parsed title, and each run of up to three short lines near the top (titles wrap), so a
 * title behind web-page or database furniture still counts.
 */
function titleCandidates(head: string[], metadataTitle: string | null): string[] {
  const out: string[] = [];
  if (metadataTitle) out.push(bare(normalise(metadataTitle).text));
  const top: (string | null)[] = [];
  for (const line of head.map(bare)) {
    if (/[。；;]/.test(line)) break;
    top.push(line.length > 60 || enumerated.test(line) ? null : line);
  }
  for (let i = 0; i < top.length; i++) {
    let joined = '';
    for (let j = i; j < Math.min(top.length, i + 3) && top[j] !== null; j++) {
      joined += top[j];
      out.push(joined);
    }
  }
  return out.map((t) => t.replace(/^《(.*)》$/, '$1')).filter((t) => t.length >= minTitle);
}

function kindOfTitle(title: string): DocumentKind | null {
  const core = title.replace(titleQualifier, '');
  if (ruleTitle.test(core) || issuedRule.test(core)) return 'rule';
  if (policyTitle.test(core) || issuingNotice.test(core) || publicList.test(core)) return 'policy';
  return null;
}

const forwarded = /(请示|报告|纪要|会议纪要|征求意见稿|讨论稿|送审稿|意见|方案)[》”"]?的(?:通知|批复|复函|函|答复|决定)$/;

export function profileDocument(text: string, paragraphs: readonly Span[], metadata: DocumentMetadata | null): DocumentProfile {
  const head = lines(text, paragraphs, headLines);
  const titles = titleCandidates(head, metadata?.title ?? null);
  const forwards = new Set<string>();
  for (const t of titles) {
    const m = forwarded.exec(t);
    if (m) forwards.add(m[1]!);
  }
  const addressee = addresseeOf(head, metadata);
  return { kind: documentKind(text, paragraphs, head, titles, metadata, addressee), forwards, internal: addressee !== null && internalAddressee.test(addressee) };
}

function addresseeOf(head: string[], metadata: DocumentMetadata | null): string | null {
  if (metadata?.addressee) return `${bare(normalise(metadata.addressee).text)}：`;
  return head.map(bare).find((l) => /[：:]$/.test(l) && l.length <= 90 && !/^(?:附件|联系人|电话|地址|时间|地点)/.test(l)) ?? null;
}

function documentKind(text: string, paragraphs: readonly Span[], head: string[], titles: string[], metadata: DocumentMetadata | null, addressee: string | null): DocumentKind | null {
  const opening = head.join('\n');
  const all = (re: RegExp) => titles.some((t) => re.test(t));

  if (all(/征求意见稿|草案/) && publicConsultation.test(text)) return 'consultation';
  if (all(annualReport) && disclosureReport.test(opening)) return 'annual-report';
  if (all(budget) || head.some((l) => budgetField.test(l))) return 'budget';
  if (all(statistics)) return 'statistics';

  // A draft (讨论稿, 送审稿, a 征求意见稿 not released for comment) is process information whatever it regulates.
  if (titles.some((t) => processQualifier.test(t))) return null;
  let articles = 0;
  for (const p of paragraphs) if (articleLine.test(text.slice(p.start, Math.min(p.end, p.start + 16))) && ++articles >= minArticles) break;
  if (articles >= minArticles) return 'rule';
  if (head.some((l, i) => order.test(bare(l)) && orderNumber.test(head[i + 1] ?? ''))) return 'rule';
  if ((metadata?.docNumberRaw && normativeNumber.test(normalise(metadata.docNumberRaw).text)) || head.some((l) => normativeNumber.test(bare(l)))) return 'rule';
  let found: DocumentKind | null = null;
  for (const t of titles) {
    const k = kindOfTitle(t);
    if (k === 'rule') return 'rule';
    found ??= k;
  }
  if (found) return found;
  if (addressee && externalAddressee.test(addressee) && all(/(?:通知|通报)$/)) return 'policy';
  return null;
}
