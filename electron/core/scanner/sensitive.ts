import type { Span } from '../../../shared/types.ts';
import { listItem } from './context.ts';
import { anonymisedName, looksLikeName } from './people.ts';
import { sentenceEnd } from '../../../shared/text.ts';

/** Sensitive personal details (个人信息保护法第二十八条 and kin) that disease names and life events make open-ended. */
type PersonalDetail = 'health' | 'disability' | 'marital' | 'criminal' | 'religion';

interface DetailHit extends Span {
  detail: PersonalDetail;
  weight: number;
  /** The clause the detail sits in. */
  clause: Span;
}

const seriousIllness =
  '尿毒症|白血病|恶性肿瘤|癌症|肝硬化|脑梗死?|脑梗塞|脑出血|脑瘫|心肌梗死|心梗|红斑狼疮|精神分裂症|抑郁症|双相情感障碍|癫痫|阿尔茨海默病|帕金森病?|渐冻症|血友病|地中海贫血|[肾心肝]衰竭|艾滋病|HIV|肺结核|乙肝|植物人|' +
  '(?:肺|胃|肝|肠|乳腺|宫颈|食管|鼻咽|胰腺|甲状腺|膀胱|前列腺|卵巢|结肠|直肠|骨|脑)癌';
const patterns: [PersonalDetail, RegExp][] = [
  ['health', new RegExp(`(?:患有?|罹患|身患|患上|确诊(?:为|患有?)?|诊断为|查出|检出)[^，,。；;：:\\n\\t（(]{0,14}?(?:病|症|癌|瘤|炎|综合征|障碍|梗死|梗塞|出血|衰竭|硬化|感染)`, 'g')],
  ['health', new RegExp(`${seriousIllness}|(?:血液|腹膜)?透析|化疗|放疗|住院治疗|手术治疗|器官移植|支架植入|病情|病史|精神(?:疾病|病|障碍)|传染病|(?<![慢急恶良遗传染方业])性病|梅毒`, 'g')],
  ['disability', /(?:因[^，,。；;、：:\n\t]{0,8})?致[残瘫]|(?:肢体|视力|听力|言语|智力|精神|多重)残疾|[一二三四五六七八九十\d]{1,2}级(?:伤残|残疾)|伤残(?:等级)?[为达是]?[一二三四五六七八九十\d]{1,2}级|残疾等级|截肢|瘫痪|失明|聋哑|丧失劳动能力/g],
  ['marital', /父母离异|离异|丧偶|离婚|再婚|婚姻状况/g],
  ['criminal', /刑满释放|服刑(?:期间|人员)?|犯罪记录|(?:有|犯罪)前科|曾因[^，,。；;]{0,10}被判(?:刑|处)|劳动教养|吸毒史/g],
  ['religion', /信仰(?:基督教|天主教|伊斯兰教|佛教|道教)|(?:基督教|天主教|伊斯兰教|佛教|道教)(?:信徒|教徒)|宗教信仰/g],
];

const absent = /(?:^|[^\p{Script=Han}]|年内|以来|期间|本人|申请人|家庭|且|并|均|须|应|及)(?:无|没有|未有|未曾|不存在|未患有?)[^，,。；;]{0,8}$|[未不]$/u;
const clauseStop = /[，,。；;：:！？!?\n\t]/;
// Words that point at one person already introduced: 该户, 本人, 其配偶, 祖父.
const personReference = /该户|该生|该同志|该职工|该员工|该患者|该对象|本人|(?<![尤极与])其(?![他它中余实次后间])|(?<![其利吉])[他她](?![人们])|户主|之(?:父|母|子|女|妻|夫)|父亲|母亲|祖父|祖母|外祖[父母]|儿子|女儿|配偶|丈夫|妻子/;
// 对患有重大疾病的困难群众: a class of people the text provides for, not one person.
const classOfPeople = /(?:对|为|向|帮助|救助|保障)[^，,。；;]{0,24}的(?:困难)?(?:群众|人员|家庭|对象|患者|病人|儿童|少年|职工|老人|学生|居民|人群|人士|群体)/;
const leadingName = new RegExp(`${listItem.source}\\s*(\\p{Script=Han}{2,4})[，,、\\s]`, 'u');

function bounds(text: string, start: number, end: number, stop: RegExp, limit: Span): Span {
  let from = start;
  while (from > limit.start && !stop.test(text[from - 1]!)) from--;
  let to = end;
  while (to < limit.end && !stop.test(text[to]!)) to++;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return { start: from, end: to };
}

/** How the text ties the detail to one person: by name (named, anonymised, a list item or table row led by a name) or by a reference word. */
function tie(text: string, sentence: Span, paragraph: Span, names: readonly Span[]): 'name' | 'reference' | null {
  const paraText = text.slice(paragraph.start, paragraph.end);
  // A list item or a table row is one person's entry: the whole paragraph counts.
  const entry = listItem.test(paraText) || paraText.includes('\t') ? paragraph : sentence;
  if (names.some((n) => n.start < entry.end && n.end > entry.start)) return 'name';
  const unit = text.slice(entry.start, entry.end);
  if (anonymisedName.test(unit)) return 'name';
  const lead = leadingName.exec(paraText);
  if (lead && looksLikeName(lead[1]!)) return 'name';
  const own = text.slice(sentence.start, sentence.end);
  return personReference.test(own) && !classOfPeople.test(own) ? 'reference' : null;
}

/**
 * Health, disability, marital, criminal-record and religious details tied to a person, one hit per clause.
 * A detail in general text (对患有重大疾病的困难群众给予救助) has no person to belong to and is left alone.
 */
export function findPersonalDetails(text: string, paragraphs: readonly Span[], names: readonly Span[]): DetailHit[] {
  const matches: { detail: PersonalDetail; start: number; end: number }[] = [];
  for (const [detail, re] of patterns) for (const m of text.matchAll(re)) matches.push({ detail, start: m.index, end: m.index + m[0].length });
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: DetailHit[] = [];
  let p = 0;
  for (const m of matches) {
    while (p < paragraphs.length - 1 && paragraphs[p]!.end <= m.start) p++;
    const paragraph = paragraphs[p] ?? { start: 0, end: text.length };
    if (m.start < paragraph.start || m.end > paragraph.end) continue;
    const clause = bounds(text, m.start, m.end, clauseStop, paragraph);
    // 无违法犯罪记录, 未患有传染病: a condition that something is absent describes no one's detail.
    if (absent.test(text.slice(clause.start, m.start))) continue;
    const last = hits[hits.length - 1];
    if (last && last.clause.start === clause.start) continue;
    const sentence = bounds(text, m.start, m.end, sentenceEnd, paragraph);
    const tied = tie(text, sentence, paragraph, names);
    if (!tied) continue;
    const span = clause.end - clause.start <= 40 ? clause : { start: m.start, end: m.end };
    hits.push({ detail: m.detail, start: span.start, end: span.end, weight: tied === 'name' ? 0.8 : 0.7, clause });
  }
  return hits;
}
