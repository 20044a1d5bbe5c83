import type { Attribute, CategoryId, DocumentMetadata, Finding, Span, Suggestion } from '../../../shared/types.ts';
import { attribute } from '../../../shared/attributes.ts';
import { category } from '../../../shared/categories.ts';
import { piiLabels, ruleMessages, scannerMessages as m } from '../../../shared/messages/scanner.ts';
import type { DocumentProfile } from './kind.ts';
import { firstAtOrAfter, stopFinder } from './sorted.ts';

const stopPositions = stopFinder();

/** Findings at or above this score count as concerns; below it they are shown as hints only. */
export const concernThreshold = 0.5;

const tradeSecretTerms = /报价|成本|技术|标底|底价|配方|客户|经营|财务|利润|供货|进货|商业秘密/;
const publicDecision = /处罚决定书|许可决定书|行政处罚决定|行政许可决定|决定书|公示|公告|通告/;

interface Proposal {
  attribute: Attribute;
  reason: string;
  basis: string[];
  /** Sentences to remove when the proposal is to release the rest. */
  redact?: Span[];
}

/** A long document whose hits of one kind sit in one short stretch of it: the stretch can be removed and the rest released. */
const passageMinLength = 1200;
const passageShare = 0.2;
function confinedPassage(list: Finding[], text: string): boolean {
  if (text.length < passageMinLength) return false;
  let from = Infinity;
  let to = -Infinity;
  for (const f of list) {
    const span = sentenceSpan(text, f);
    from = Math.min(from, span.start);
    to = Math.max(to, span.end);
  }
  return to - from <= text.length * passageShare;
}

const listTerms = (findings: Finding[]): string => [...new Set(findings.map((f) => `“${f.term}”`))].slice(0, 5).join('、');

const entryStart = /^\s*(?:\d{1,4}\s*[.．、)）]|[（(]\d{1,4}[)）]|[一二三四五六七八九十]{1,3}[、.．])/;

// Stops found once per text: a document with thousands of findings in one endless line would otherwise be walked once per finding.
const sentenceStop = /[。！？；\n]/;
const lineStop = /\n/;

/** The line of a list item or table row the finding sits in, or null when it sits in running text. */
function entryOf(text: string, f: Finding): Span | null {
  const breaks = stopPositions(text, lineStop);
  const k = firstAtOrAfter(breaks, f.start);
  const start = k > 0 ? breaks[k - 1]! + 1 : 0;
  const e = firstAtOrAfter(breaks, f.end);
  const end = e < breaks.length ? breaks[e]! : text.length;
  if (lastLine?.text !== text || lastLine.start !== start || lastLine.end !== end) {
    const line = text.slice(start, end);
    lastLine = { text, start, end, entry: line.includes('\t') || entryStart.test(line) };
  }
  return lastLine.entry ? { start, end } : null;
}
/** Findings come in order, many to a line: the line last read is read once. */
let lastLine: { text: string; start: number; end: number; entry: boolean } | null = null;

function sentenceSpan(text: string, f: Finding): Span {
  const sentence = stopPositions(text, sentenceStop);
  const k = firstAtOrAfter(sentence, f.start);
  const start = k > 0 ? sentence[k - 1]! + 1 : 0;
  const e = firstAtOrAfter(sentence, f.end);
  let end = e < sentence.length ? sentence[e]! : text.length;
  if (end < text.length && text[end] !== '\n') end++;
  return { start, end };
}

/** Signals that speak for the whole document: the 密级, its title or 版头, its own marking, a sentence about 本件 itself. */
const documentLevel = new Set(['signal.classification', 'signal.marking', 'signal.header', 'signal.self-reference']);
/**
 * Categories whose words turn up in documents that are not about them: 考勤记录 cited as evidence, a 举报人
 * in a report on how a complaint was handled. One of their body words alone does not decide the attribute.
 */
/** Information other than what is proactively released may be requested (条例第二十七条): the anchor of 依申请公开. */
const onRequestBasis = '条例第二十七条';
const weakerCategories = new Set<CategoryId>([2, 3, 4, 5, 6]);
/** A body signal this strong decides alone (讨论记录, 妥否，请批示). */
const decisiveScore = 0.85;
/** Weaker categories that, when nothing else speaks, still point to release on request rather than proactive. */
const onRequestWhenAlone = new Set<CategoryId>([2, 3, 4, 6]);

type Ground = { kind: 'document' } | { kind: 'strong' } | { kind: 'several'; count: number } | { kind: 'person' } | { kind: 'internal' };

const normalisedTerm = (f: Finding) => f.term.replace(/\s/g, '');

/** Terms that are not one inside the other: 投诉人 and 被投诉人 are one kind of signal, not two that agree. */
function distinctTerms(list: Finding[]): number {
  const kept: string[] = [];
  for (const term of [...new Set(list.map(normalisedTerm))].sort((x, y) => y.length - x.length)) {
    if (!kept.some((k) => k.includes(term))) kept.push(term);
  }
  return kept.length;
}

/**
 * Why a weaker category may decide the document's attribute: it marks the document itself, one body signal is
 * strong, several distinct signals agree, or (petitions) a named petitioner or reporter stands beside it.
 * Null means the hits are isolated words: they stay findings for the officer, the attribute follows the rest.
 */
function groundOf(id: CategoryId, list: Finding[], concerns: Finding[], text: string, profile: DocumentProfile | null): Ground | null {
  if (list.some((f) => documentLevel.has(f.rule))) return { kind: 'document' };
  if (list.some((f) => f.score >= decisiveScore)) return { kind: 'strong' };
  const distinct = distinctTerms(list);
  if (distinct >= 2) return { kind: 'several', count: distinct };
  // A request for approval (妥否，请批示) that goes only to the office's own leaders is an internal 签报.
  if (id === 2 && profile?.internal) return { kind: 'internal' };
  if (id === 5) {
    const names = concerns.filter((f) => f.kind === 'pii' && f.piiType === 'name');
    const named = list.some((f) => {
      const sentence = sentenceSpan(text, f);
      return names.some((n) => n.start < sentence.end && n.end > sentence.start);
    });
    if (named) return { kind: 'person' };
  }
  return null;
}

function groundNote(ground: Ground | null): string {
  if (!ground) return '';
  return ground.kind === 'several' ? m.reasons.ground.several(ground.count) : m.reasons.ground[ground.kind];
}

interface Weighed {
  proposals: Proposal[];
  /** Isolated hits of weaker categories: shown to the officer, not deciding the attribute. */
  advisory: Finding[];
}

function termProposals(concerns: Finding[], classified: boolean, text: string, profile: DocumentProfile | null): Weighed {
  const proposals: Proposal[] = [];
  const advisory: Finding[] = [];
  const byCategory = new Map<CategoryId, Finding[]>();
  for (const f of concerns) {
    if (f.kind !== 'term') continue;
    const list = byCategory.get(f.category);
    if (list) list.push(f);
    else byCategory.set(f.category, [f]);
  }
  const top = (list: Finding[]) => list.reduce((max, f) => Math.max(max, f.score), 0);
  for (const [id, list] of byCategory) {
    const ground = weakerCategories.has(id) ? groundOf(id, list, concerns, text, profile) : null;
    if (weakerCategories.has(id) && !ground) {
      advisory.push(...list);
      continue;
    }
    const name = category(id).name;
    const basis = [...new Set(list.flatMap((f) => f.basis.filter((b) => b.startsWith('条例'))))];
    const cat = category(id).basis;
    const lead = m.reasons.category(name, listTerms(list)) + groundNote(ground);
    switch (id) {
      case 1: {
        const secrets = list.filter((f) => f.rule === 'signal.classification' || /绝密|机密|秘密|涉密|定密|密级/.test(f.term));
        const reported = secrets.filter((f) => !(classified && f.rule === 'signal.classification'));
        const trade = list.filter((f) => !secrets.includes(f) && !f.rule.startsWith('personal.') && tradeSecretTerms.test(f.term));
        const privacy = list.filter((f) => !secrets.includes(f) && !trade.includes(f));
        if (reported.length) proposals.push({ attribute: 'withheld', reason: m.reasons.category('国家秘密', listTerms(reported)), basis: ['条例第十四条'] });
        if (trade.length) proposals.push({ attribute: 'partial', reason: m.reasons.category('商业秘密', listTerms(trade)) + m.reasons.tradeSecret, basis: ['条例第十五条', '条例第三十七条'] });
        if (privacy.length) proposals.push({ attribute: 'partial', reason: m.reasons.category('个人隐私', listTerms(privacy)) + m.reasons.privacy, basis: ['条例第十五条', '条例第三十七条'] });
        break;
      }
      case 2:
        // A draft or a record of deliberation is withheld; a 请示 or 纪要 is released on request, unless it circulates only
        // inside the office (a 签报 to the office's own leaders), where it is internal deliberation itself.
        if (top(list) >= 0.8) proposals.push({ attribute: 'withheld', reason: lead + m.reasons.processWithheld, basis: cat });
        else if (profile?.internal) proposals.push({ attribute: 'withheld', reason: lead + m.reasons.processInternal, basis: cat });
        else proposals.push({ attribute: 'on-request', reason: lead + m.reasons.processOnRequest, basis: cat });
        break;
      case 3:
        proposals.push(top(list) >= 0.75 ? { attribute: 'withheld', reason: lead + m.reasons.internal, basis: cat } : { attribute: 'on-request', reason: lead + m.reasons.internalOnRequest, basis: cat });
        break;
      case 4:
        // Compiling is how a request is answered (条例第三十八条), no ground to withhold this 公文: released on request.
        proposals.push({ attribute: 'on-request', reason: lead + m.reasons.compilation, basis: [onRequestBasis] });
        break;
      case 5:
        // A work report that tells one petition case among much else is released without that passage.
        if (ground?.kind !== 'document' && confinedPassage(list, text)) {
          proposals.push({ attribute: 'partial', reason: lead + m.reasons.petitionPassage, basis: ['条例第三十七条', '条例第十五条'], redact: list.map((f) => sentenceSpan(text, f)) });
        } else proposals.push({ attribute: 'withheld', reason: lead + m.reasons.petition, basis: ['条例第十五条'] });
        break;
      case 6:
        proposals.push({ attribute: 'on-request', reason: lead + m.reasons.archive, basis: cat });
        break;
      case 7:
        proposals.push({ attribute: 'withheld', reason: lead + m.reasons.workSecret, basis: [...cat, '条例第十六条'] });
        break;
      case 8:
        proposals.push({ attribute: 'withheld', reason: lead + m.reasons.security, basis: basis.length ? basis : cat });
        break;
      case 9: {
        // A protected identity (举报人赵某某, a named patient) is removed with its sentence, and a protected detail in one
        // row of a list with that row's entry; a document about the protected matter itself (its title, a juvenile's case
        // narrated in prose, a sealed record) is withheld.
        const spans = list.map((f) => entryOf(text, f) ?? (f.rule === 'signal.identity' ? sentenceSpan(text, f) : null));
        if (!list.some((f) => documentLevel.has(f.rule)) && spans.every((e) => e !== null)) {
          proposals.push({ attribute: 'partial', reason: lead + m.reasons.lawBarredEntries, basis: [...cat, '条例第三十七条'], redact: spans as Span[] });
        } else proposals.push({ attribute: 'withheld', reason: lead + m.reasons.lawBarred, basis: cat });
        break;
      }
    }
  }
  return { proposals, advisory };
}

/** The line that names what the officer should still look at: isolated hits, and hits whose context lowered them. */
function advisoryReason(advisory: Finding[], findings: Finding[]): string | null {
  const lowered = findings.filter((f) => !f.negated && f.rule.startsWith('context.') && !advisory.includes(f));
  const all = [...advisory, ...lowered].sort((a, b) => a.start - b.start);
  if (!all.length) return null;
  const items = [...new Map(all.map((f) => [normalisedTerm(f), m.reasons.advisoryItem(f.term, category(f.category).short, f.score, f.rule.startsWith('context.') ? (ruleMessages[f.rule] ?? null) : null)])).values()].slice(0, 6).join('；');
  return m.reasons.advisory(items) + (all.some((f) => f.category === 5) ? m.reasons.petitionAdvisory : '');
}

const noteRe = /[（(]\s*此件[^）)\n]{2,10}[）)]/g;

function findNote(text: string, metadata: DocumentMetadata | null): string | null {
  if (metadata?.note) return metadata.note;
  const notes = [...text.matchAll(noteRe)];
  return notes.length ? notes[notes.length - 1]![0] : null;
}

// A routing form or draft that states its own attribute in a field: `公开方式：不公开`, `公开属性 依申请公开`.
const declaredField = /(?:公开方式|公开属性|公开类型|公开选项|是否公开)\s*[：:]?\s*(不予公开|不公开|免予公开|依申请公开|部分公开|删减后公开|主动公开)/;
const declaredValues: [RegExp, Attribute][] = [
  [/不予公开|不公开|免予公开/, 'withheld'],
  [/依申请公开/, 'on-request'],
  [/部分公开|删减后公开/, 'partial'],
  [/主动公开|公开发布/, 'proactive'],
];

/** The attribute the document declares for itself, in a 公开方式 field or in its 附注. */
function declaredAttribute(text: string, note: string | null): { attribute: Attribute; raw: string; field: boolean } | null {
  const field = declaredField.exec(text);
  const raw = field ? field[0] : note;
  if (!raw) return null;
  const value = field ? field[1]! : raw;
  const found = declaredValues.find(([re]) => re.test(value));
  return found ? { attribute: found[1], raw: raw.replace(/\s+/g, ' '), field: field !== null } : null;
}

/** One attribute with reasons and basis, the spans to redact, and the 附注 checks. People decide. */
export function suggest(text: string, findings: Finding[], metadata: DocumentMetadata | null, profile: DocumentProfile | null = null): Suggestion {
  const concerns = findings.filter((f) => !f.negated && f.score >= concernThreshold);
  const classification = metadata?.classification ?? null;
  const { proposals, advisory } = termProposals(concerns, classification !== null, text, profile);
  if (classification) proposals.push({ attribute: 'withheld', reason: m.reasons.classification(classification.raw), basis: ['条例第十四条'] });

  const pii = concerns.filter((f) => f.kind === 'pii');
  if (pii.length) {
    const types = [...new Set(pii.map((f) => piiLabels[f.piiType!]))].join('、');
    const title = `${metadata?.title ?? ''}${text.slice(0, 200)}`;
    const reason = m.reasons.pii(pii.length, types) + (publicDecision.test(title) ? m.reasons.publicDecision : '');
    proposals.push({ attribute: 'partial', reason, basis: ['条例第十五条', '条例第三十七条'] });
  }

  // Isolated words of a weaker category point to release on request only when nothing else speaks for the document;
  // a rule, a policy notice, a report or a budget speaks for itself.
  const alone = advisory.filter((f) => onRequestWhenAlone.has(f.category));
  if (!proposals.length && alone.length && !profile?.kind) proposals.push({ attribute: 'on-request', reason: m.reasons.advisoryOnRequest, basis: [...new Set(alone.flatMap((f) => { const b = category(f.category).basis; return b.length ? b : [onRequestBasis]; }))] });

  const redactions: Span[] = [
    ...pii.map((f) => ({ start: f.start, end: f.end })),
    // A sensitive personal detail is removed as its clause; a privacy term takes its sentence with it.
    ...concerns.filter((f) => f.rule.startsWith('personal.')).map((f) => ({ start: f.start, end: f.end })),
    ...proposals.flatMap((p) => p.redact ?? []),
    ...concerns.filter((f) => f.kind === 'term' && (f.category === 1 || f.category === 9) && !f.rule.startsWith('personal.') && f.rule !== 'signal.classification' && f.rule !== 'signal.marking').map((f) => sentenceSpan(text, f)),
  ]
    .sort((a, b) => a.start - b.start)
    .reduce<Span[]>((merged, span) => {
      const last = merged[merged.length - 1];
      if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
      else merged.push({ ...span });
      return merged;
    }, []);

  let chosen: Attribute = 'proactive';
  for (const p of proposals) if (attribute(p.attribute).openness < attribute(chosen).openness) chosen = p.attribute;
  const ranked = [...proposals].sort((a, b) => attribute(a.attribute).openness - attribute(b.attribute).openness);
  const reasons = ranked.length ? [...new Set(ranked.map((p) => p.reason))] : [m.reasons.proactive];
  const basis = ranked.length ? [...new Set([...ranked.flatMap((p) => p.basis), ...(chosen === 'partial' ? ['条例第三十七条'] : [])])] : ['条例第十三条'];

  const warnings: string[] = [];
  const note = findNote(text, metadata);
  if (note?.includes('公开发布') && concerns.length) warnings.push(m.warnings.noteConflict(note, concerns.length));
  // A less open attribute the drafter declared is respected, and its lawful reason asked for when nothing found supports it.
  const declared = declaredAttribute(text, note);
  if (declared && attribute(declared.attribute).openness < attribute(chosen).openness) {
    chosen = declared.attribute;
    if (ranked.length === 0) {
      reasons.splice(0, reasons.length, m.reasons.declared(declared.raw));
      basis.splice(0, basis.length);
      warnings.push(declared.field ? m.warnings.declaredLessOpen(declared.raw) : m.warnings.noteLessOpen(declared.raw));
    } else reasons.unshift(m.reasons.declared(declared.raw));
  }
  const review = advisoryReason(advisory, findings);
  if (review) {
    if (reasons[0] === m.reasons.proactive) reasons[0] = m.reasons.proactiveDespiteHints;
    reasons.push(review);
  }
  if (chosen === 'proactive' && !note?.includes('公开发布')) warnings.push(m.warnings.noteMissing);
  return { attribute: chosen, reasons, basis, redactions: chosen === 'withheld' ? [] : redactions, warnings };
}
