import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExtractedDocument, Finding, Paragraph, ScanResult, Span } from '../../../shared/types.ts';
import { piiLabels, scannerMessages as m } from '../../../shared/messages/scanner.ts';
import { Automaton } from './automaton.ts';
import { contextWindow, judge, listItem, maskSpans, sectionStart, type MaskedParagraph } from './context.ts';
import { profileDocument, type DocumentProfile } from './kind.ts';
import { loadLexicon, type Lexicon, type LexiconEntry } from './lexicon.ts';
import { normalise, toOriginal, type NormalisedText } from './normalise.ts';
import { dropOverlaps, type PiiHit } from './pii.ts';
import { anonymisedName, findPeople } from './people.ts';
import { findPersonalDetails } from './sensitive.ts';
import { alignmentWithin, cutter, prefetchAlignments, prepareSegmenter, type Cutter } from './segmenter.ts';
import { suggest } from './suggest.ts';
import { firstAtOrAfter, firstStartingFrom, lastAtOrBefore } from './sorted.ts';
import { parseMetadata } from '../metadata/index.ts';
import { sentenceEnd } from '../../../shared/text.ts';

export interface ScannerOptions {
  lexiconDir?: string;
  userLexiconDir?: string;
}

export interface Scanner {
  /** Lexicon version (content hash), recorded with every scan. */
  readonly version: string;
  /** Problems found in user lexicon files, in Chinese. */
  readonly warnings: readonly string[];
  scan(doc: ExtractedDocument): ScanResult;
  scanText(text: string): ScanResult;
}

/** `resources/lexicon` next to the sources, or in the packaged app's resources. */
export function defaultLexiconDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.resolve(here, '../../../resources/lexicon'),
    path.resolve(here, '../../resources/lexicon'),
    ...((process as { resourcesPath?: string }).resourcesPath ? [path.join((process as { resourcesPath?: string }).resourcesPath!, 'lexicon')] : []),
  ];
  return candidates.find((dir) => fs.existsSync(dir)) ?? candidates[0]!;
}

interface TermHit {
  entry: LexiconEntry;
  start: number;
  end: number;
}

interface NormalisedParagraph extends Pick<Paragraph, 'zone' | 'kind' | 'page'> {
  start: number;
  end: number;
}

// The words by which rules name the categories, in the short forms they write them (not the seed's full names).
const categoryNames = new Set(['国家秘密', '商业秘密', '个人隐私', '过程性信息', '内部管理信息', '需汇总', '分析', '加工或重新制作的信息', '信访', '举报', '咨询类事项', '档案信息', '工作秘密', '危及国家安全', '公共安全', '经济安全', '社会稳定', '法律', '法规禁止公开', '特定个人信息']);
function paragraphsOf(doc: ExtractedDocument, n: NormalisedText): NormalisedParagraph[] {
  const source: Paragraph[] = doc.paragraphs.length ? doc.paragraphs : [{ start: 0, end: doc.text.length, page: null, zone: 'body', kind: 'paragraph' }];
  // Paragraphs come in reading order, so a forward sweep maps them; a paragraph out of order falls back to a search.
  let k = 0;
  const at = (offset: number): number => {
    if (k > 0 && n.origin[k - 1]! >= offset) k = firstAtOrAfter(n.origin, offset);
    while (k < n.origin.length && n.origin[k]! < offset) k++;
    return k;
  };
  return source.map((p) => {
    const start = at(p.start);
    return { start, end: at(p.end), zone: p.zone, kind: p.kind, page: p.page };
  });
}

const closing = /[。！？；：!?;:）)」』”]\s*$/;
const wrapShare = 0.3;

/**
 * Some layouts (OFD and PDF producers that place each line on its own) come out with every printed line as a
 * paragraph. When most lines share one full width, a full-width line without closing punctuation runs on into
 * the next, unless the next opens a list item or heading; each paragraph's block is its run of such lines.
 */
function wrappedBlocks(text: string, paras: NormalisedParagraph[]): Span[] {
  const blocks: Span[] = paras.map((p) => ({ start: p.start, end: p.end }));
  const lengths = new Map<number, number>();
  for (const p of paras) if (p.end - p.start >= 10) lengths.set(p.end - p.start, (lengths.get(p.end - p.start) ?? 0) + 1);
  let width = 0;
  let count = 0;
  for (const [length, c] of lengths) if (c > count || (c === count && length > width)) [width, count] = [length, c];
  const near = [...lengths].filter(([length]) => Math.abs(length - width) <= 1).reduce((sum, [, c]) => sum + c, 0);
  if (paras.length < 10 || near < paras.length * wrapShare) return blocks;
  for (let i = 0; i + 1 < paras.length; i++) {
    const a = paras[i]!;
    const b = paras[i + 1]!;
    const line = text.slice(a.start, a.end);
    if (a.zone !== b.zone || a.end - a.start < width * 0.85 || closing.test(line) || line.includes('\t')) continue;
    const next = text.slice(b.start, b.end);
    if (listItem.test(next) || sectionStart.test(next)) continue;
    blocks[i + 1]!.start = blocks[i]!.start;
  }
  for (let i = paras.length - 2; i >= 0; i--) if (blocks[i + 1]!.start === blocks[i]!.start) blocks[i]!.end = blocks[i + 1]!.end;
  return blocks;
}

function paragraphAt(paras: NormalisedParagraph[], pos: number): number {
  return lastAtOrBefore(paras.length, (i) => paras[i]!.start, pos);
}

/** Paragraphs by line and GB/T 9704 metadata (from intake's parser), for text handed in without a file. */
export function documentFromText(text: string, fileName = 'text.txt'): ExtractedDocument {
  const lines: Paragraph[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const lead = line.length - line.trimStart().length;
    if (line.trim()) lines.push({ start: start + lead, end: start + line.trimEnd().length, page: null, zone: 'body', kind: 'paragraph' });
    start += line.length + 1;
  }
  const { metadata, paragraphs } = parseMetadata(text, lines);
  return { fileName, format: 'txt', sha256: '', byteSize: text.length, text, paragraphs, pageCount: null, charCount: text.length, metadata, warnings: [] };
}

function sentenceAround(text: string, start: number, end: number, para: Span): [number, number] {
  let from = start;
  while (from > para.start && !sentenceEnd.test(text[from - 1]!)) from--;
  let to = end;
  while (to < para.end && !sentenceEnd.test(text[to]!)) to++;
  return [from, to];
}

// A telephone, mailbox or address the sentence gives for an office (值班室, 市信访局地址, 数据安全处) is the office's contact.
const officeWord = /局|委员会|委(?=[，,：:\s]|$)|办公室|值班室|指挥中心|服务中心|中心|厅|处(?=[，,：:\s]|$)|科(?=[，,：:\s]|$)|大队|支队|窗口|热线|专线|指挥部|人民政府|办事处|机关|法院|检察院/g;
const personalWord = /本人|家庭|住宅|个人|户主|当事人|申请人|举报人|信访人|投诉人|被|其|手机/g;

/** End of the last match of a global pattern in the text, or -1. */
function lastEnd(re: RegExp, text: string): number {
  let end = -1;
  for (const m of text.matchAll(re)) end = m.index + m[0].length;
  return end;
}
const officeContactTypes = new Set(['phone', 'email', 'address']);

function isOfficeContact(text: string, hit: PiiHit, names: PiiHit[]): boolean {
  if (!officeContactTypes.has(hit.piiType) || hit.weight >= 0.5) return false;
  let from = hit.start;
  while (from > 0 && !sentenceEnd.test(text[from - 1]!)) from--;
  const lead = text.slice(from, hit.start);
  // The word nearest the number says whose it is: 社会公众（以下统称举报人）通过举报受理专线（021-…） gives an office line.
  const office = lastEnd(officeWord, lead);
  if (office < 0 || lastEnd(personalWord, lead) > office) return false;
  let to = hit.end;
  while (to < text.length && !sentenceEnd.test(text[to]!)) to++;
  return !names.some((n) => n.start < to && n.end > from);
}

function mask(value: string): string {
  const chars = [...value];
  if (chars.length <= 2) return chars[0] + '*';
  if (chars.length <= 4) return chars[0] + '*'.repeat(chars.length - 1);
  const keep = chars.length >= 11 ? 3 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep - 2) + chars.slice(-2).join('');
}

export function createScanner(options: ScannerOptions = {}): Scanner {
  const lexicon: Lexicon = loadLexicon(options.lexiconDir ?? defaultLexiconDir(), options.userLexiconDir);
  // One literal may stand in two categories (举报人: a petition word, and a person whose identity a law protects);
  // a later entry of the same term and category (a user's) replaces the earlier one.
  const byTerm = new Map<string, LexiconEntry[]>();
  for (const entry of lexicon.entries) {
    if (!entry.term) continue;
    const list = byTerm.get(entry.term) ?? [];
    byTerm.set(entry.term, [...list.filter((e) => e.category !== entry.category), entry]);
  }
  const literals = [...byTerm.keys()];
  const literalEntries = [...byTerm.values()];
  const regexEntries = lexicon.entries.filter((e) => e.regex);
  const automaton = new Automaton([...literals, ...lexicon.allow]);
  prepareSegmenter([...literals, ...lexicon.allow]);

  function termHits(n: NormalisedText): TermHit[] {
    const hits: TermHit[] = [];
    const allowed: { start: number; end: number }[] = [];
    for (const match of automaton.findAll(n.text)) {
      if (match.id < literals.length) for (const entry of literalEntries[match.id]!) hits.push({ entry, start: match.start, end: match.end });
      else allowed.push(match);
    }
    for (const entry of regexEntries) {
      for (const match of n.text.matchAll(entry.regex!)) {
        if (match[0].length) hits.push({ entry, start: match.index, end: match.index + match[0].length });
      }
    }
    allowed.sort((a, b) => a.start - b.start);
    hits.sort((a, b) => a.start - b.start || b.end - a.end || b.entry.weight - a.entry.weight);
    const kept: TermHit[] = [];
    let allowIndex = 0;
    let allowEnd = -1;
    let keptEnd = -1;
    for (const hit of hits) {
      while (allowIndex < allowed.length && allowed[allowIndex]!.start <= hit.start) allowEnd = Math.max(allowEnd, allowed[allowIndex++]!.end);
      let sameWordOtherCategory = false;
      for (let k = kept.length - 1; k >= 0 && kept[k]!.start === hit.start && kept[k]!.end === hit.end; k--) {
        if (kept[k]!.entry.category === hit.entry.category) {
          sameWordOtherCategory = false;
          break;
        }
        sameWordOtherCategory = true;
      }
      if (allowEnd >= hit.end || (keptEnd >= hit.end && !sameWordOtherCategory)) continue;
      kept.push(hit);
      keptEnd = Math.max(keptEnd, hit.end);
    }
    return kept;
  }

  /** leadInOf, worked out once per paragraph of a scan (a paragraph may carry thousands of hits). */
  function leadIns(paras: NormalisedParagraph[], text: string): (index: number) => string | null {
    const memo = new Map<number, string | null>();
    return (index) => {
      if (!memo.has(index)) memo.set(index, leadInOf(paras, text, index));
      return memo.get(index)!;
    };
  }

  function leadInOf(paras: NormalisedParagraph[], text: string, index: number): string | null {
    const own = text.slice(paras[index]!.start, paras[index]!.end);
    if (!listItem.test(own)) return null;
    for (let i = index - 1; i >= 0 && i >= index - 20; i--) {
      const t = text.slice(paras[i]!.start, paras[i]!.end);
      if (!listItem.test(t)) return t;
    }
    return null;
  }

  function termFindings(doc: ExtractedDocument, n: NormalisedText, paras: NormalisedParagraph[], blocks: Span[], personal: PiiHit[], cut: Cutter, profile: DocumentProfile): Finding[] {
    const hits = termHits(n);
    const paraOf = hits.map((h) => paragraphAt(paras, h.start));
    const findings: Finding[] = [];
    const ids = new Set<string>();
    let groupStart = 0;
    let groupEnd = 0;
    let masked: MaskedParagraph | undefined;
    const leadIn = leadIns(paras, n.text);
    // A word is checked against jieba's cut of its paragraph, or of a window around it in a long paragraph.
    const windows = hits.map((hit, i) => {
      const para = paras[paraOf[i]!]!;
      const short = para.end - para.start <= 300 && hit.end <= para.end;
      return { from: short ? para.start : Math.min(hit.start, Math.max(para.start, hit.start - 12)), to: short ? para.end : Math.max(hit.end, Math.min(para.end, hit.end + 12)), start: hit.start, end: hit.end };
    });
    prefetchAlignments(cut, n.text, windows.filter((_, i) => hits[i]!.entry.term));
    hits.forEach((hit, i) => {
      const pi = paraOf[i]!;
      const para = paras[pi]!;
      if (paraOf[groupStart] !== pi || i === 0) {
        groupStart = i;
        groupEnd = i + 1;
        while (groupEnd < hits.length && paraOf[groupEnd] === pi) groupEnd++;
        masked = maskSpans(n.text, para.start, para.end, hits.slice(groupStart, groupEnd));
      }
      let boundary = 1;
      if (hit.entry.term) {
        const { from, to } = windows[i]!;
        const a = alignmentWithin(cut, n.text, from, to, hit.start, hit.end);
        if (a === 'crosses-words') return;
        if (a === 'inside-word') boundary = 0.6;
      }
      // The paragraph is masked already; the judge needs only the hits over this one's own characters.
      const others: TermHit[] = [];
      for (let k = Math.max(groupStart, firstStartingFrom(hits, hit.start - 64)); k < groupEnd && hits[k]!.start < hit.end; k++) {
        if (k !== i && hits[k]!.end > hit.start) others.push(hits[k]!);
      }
      const isName = (h: TermHit | undefined) => h !== undefined && categoryNames.has(h.entry.term ?? '');
      const gap = (a: TermHit, b: TermHit) => /^[、，,和或及与以及\s]{1,3}$/.test(n.text.slice(a.end, b.start));
      const prev = hits[i - 1];
      const next = hits[i + 1];
      const inCategoryEnumeration = isName(hit) && ((isName(prev) && gap(prev!, hit)) || (isName(next) && gap(hit, next!)));
      const verdict = judge({
        text: n.text, start: hit.start, end: hit.end, paragraph: para, block: blocks[pi]!, mode: hit.entry.mode, category: hit.entry.category, others, inCategoryEnumeration, categoryName: isName(hit), leadIn: leadIn(pi), personal, document: profile, masked,
      });
      let rule = verdict.rule;
      let score = hit.entry.weight * boundary * verdict.factor;
      const isSecretMark = hit.entry.category === 1 && (hit.entry.regex !== null || /^(绝密|机密|秘密)$/.test(hit.entry.term ?? ''));
      if (isSecretMark && !verdict.negated && para.zone === 'header') {
        rule = 'signal.classification';
        score = 1;
      }
      score = Math.round(Math.min(1, score) * 100) / 100;
      const span = toOriginal(n, hit.start, hit.end);
      const term = doc.text.slice(span.start, span.end);
      let explanation = m.termExplanation(hit.entry.pattern.startsWith('/') ? term : hit.entry.pattern, hit.entry.note, rule, verdict.negated, hit.entry.basis, hit.entry.origin);
      if (boundary < 1 && !verdict.negated) explanation += m.crossesWords;
      // The same word read for two categories and found a mention by both is one mention.
      if (ids.has(`${rule}:${span.start}`)) return;
      ids.add(`${rule}:${span.start}`);
      findings.push({
        id: `${rule}:${span.start}`, category: hit.entry.category, term, start: span.start, end: span.end, page: para.page, zone: para.zone,
        kind: 'term', piiType: null, score, negated: verdict.negated, rule, explanation, basis: hit.entry.basis,
      });
    });
    return findings;
  }

  function piiFindings(doc: ExtractedDocument, n: NormalisedText, paras: NormalisedParagraph[], hits: PiiHit[]): Finding[] {
    const names = hits.filter((h) => h.piiType === 'name' && h.weight >= 0.5);
    return hits.map((hit) => {
      const para = paras[paragraphAt(paras, hit.start)]!;
      const span = toOriginal(n, hit.start, hit.end);
      const term = doc.text.slice(span.start, span.end);
      const inFooter = para.zone === 'footer';
      const score = Math.round(Math.min(1, hit.weight * (inFooter ? 0.5 : 1)) * 100) / 100;
      const basis = hit.detail === 'name-reporter' ? m.reporterBasis : m.piiBasis;
      if (isOfficeContact(n.text, hit, names)) {
        return {
          id: `mention.office-contact:${span.start}`, category: 1, term, start: span.start, end: span.end, page: para.page, zone: para.zone,
          kind: 'pii', piiType: hit.piiType, score: Math.round(score * 0.2 * 100) / 100, negated: true, rule: 'mention.office-contact', explanation: m.officeContact(piiLabels[hit.piiType], term), basis: [],
        } satisfies Finding;
      }
      const rule = `pii.${hit.piiType}`;
      let explanation = m.piiExplanation(piiLabels[hit.piiType], m.pii[hit.detail] ?? '', basis, mask(term.replace(/\s/g, '')));
      if (inFooter) explanation += m.inFooter;
      return {
        id: `${rule}:${span.start}`, category: 1, term, start: span.start, end: span.end, page: para.page, zone: para.zone,
        kind: 'pii', piiType: hit.piiType, score, negated: false, rule, explanation, basis,
      } satisfies Finding;
    });
  }

  /** Sensitive details of a named person; a sentence a privacy term already flags is not flagged twice. */
  function detailFindings(doc: ExtractedDocument, n: NormalisedText, paras: NormalisedParagraph[], blocks: Span[], personal: PiiHit[], terms: Finding[], profile: DocumentProfile): Finding[] {
    const names = personal.filter((p) => p.piiType === 'name' && p.weight >= 0.5);
    const flagged = terms.filter((f) => f.category === 1 && !f.negated && f.score >= 0.5);
    const findings: Finding[] = [];
    const leadIn = leadIns(paras, n.text);
    // The personal data the judge sees, with anonymised names (张某, 李某某) added: only those in the hit's own
    // sentence count, so one sorted list serves every hit.
    const anonymised = paras.flatMap((para) => [...n.text.slice(para.start, para.end).matchAll(new RegExp(anonymisedName.source, 'gu'))].map((a) => ({ start: para.start + a.index, end: para.start + a.index + a[0].length })));
    const withAnonymised = [...personal, ...anonymised].sort((a, b) => a.start - b.start || a.end - b.end);
    for (const hit of findPersonalDetails(n.text, paras, names)) {
      const pi = paragraphAt(paras, hit.start);
      const para = paras[pi]!;
      const sentence = toOriginal(n, ...sentenceAround(n.text, hit.start, hit.end, para));
      let near = false;
      for (let k = firstStartingFrom(flagged, sentence.start - 64); k < flagged.length && flagged[k]!.start < sentence.end && !near; k++) near = flagged[k]!.end > sentence.start;
      if (near) continue;
      const verdict = judge({
        text: n.text, start: hit.start, end: hit.end, paragraph: para, block: blocks[pi]!, mode: 'topic', category: 1, others: [], inCategoryEnumeration: false, categoryName: false, leadIn: leadIn(pi), personal: withAnonymised, document: profile,
      });
      if (verdict.negated) continue;
      const span = toOriginal(n, hit.start, hit.end);
      const term = doc.text.slice(span.start, span.end);
      const rule = `personal.${hit.detail}`;
      const score = Math.round(hit.weight * (para.zone === 'footer' ? 0.5 : 1) * 100) / 100;
      findings.push({
        id: `${rule}:${span.start}`, category: 1, term, start: span.start, end: span.end, page: para.page, zone: para.zone,
        kind: 'term', piiType: null, score, negated: false, rule, explanation: m.detailExplanation(m.personalDetails[hit.detail], term), basis: m.piiBasis,
      });
    }
    return findings;
  }

  function scan(doc: ExtractedDocument): ScanResult {
    const n = normalise(doc.text);
    const paras = paragraphsOf(doc, n);
    const cut = cutter();
    const personal = dropOverlaps(findPeople(n, paras, cut)).sort((a, b) => a.start - b.start || a.end - b.end);
    const strongPersonal = personal.filter((p) => p.weight >= 0.5);
    const blocks = wrappedBlocks(n.text, paras);
    const profile = profileDocument(n.text, paras, doc.metadata);
    const terms = termFindings(doc, n, paras, blocks, strongPersonal, cut, profile);
    const findings = [...terms, ...detailFindings(doc, n, paras, blocks, personal, terms, profile), ...piiFindings(doc, n, paras, personal)].sort((a, b) => a.start - b.start || a.end - b.end);
    return { findings, suggestion: suggest(doc.text, findings, doc.metadata, profile), lexiconVersion: lexicon.version };
  }

  return {
    version: lexicon.version,
    warnings: lexicon.warnings,
    scan,
    scanText: (text: string) => scan(documentFromText(text)),
  };
}
