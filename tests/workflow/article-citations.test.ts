import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { categories, citesRequestGround } from '../../shared/categories.ts';
import { basisOptions } from '../../shared/basis.ts';
import { attributes } from '../../shared/attributes.ts';
import { decisionProblems } from '../../shared/decision-rules.ts';
import { suggestedReturnGrounds } from '../../shared/return-grounds.ts';
import { reasonTemplates } from '../../renderer/src/messages/workspace.ts';
import { defaultLexiconDir, createScanner } from '../../electron/core/scanner/index.ts';
import { loadLexicon } from '../../electron/core/scanner/lexicon.ts';
import * as drafts from '../scanner/drafts.ts';
import { ledgerColumns } from '../../electron/core/inspection/export/columns.ts';
import type { WorklistItem } from '../../shared/ipc/inspection.ts';
import type { CategoryId } from '../../shared/types.ts';

// Issue 14 Must 6: every shipped string that cites an article is checked against the law as the domain states it
// (DOMAIN.md, seed 000 第二十一条), written out here rather than read from the code under test.

/** Category names exactly as seed 000 第二十一条 lists them. */
const seedNames: Record<CategoryId, string> = {
  1: '国家秘密、商业秘密、个人隐私',
  2: '过程性信息',
  3: '不作为行政管理依据的内部管理信息',
  4: '需汇总、分析、加工或重新制作的政府信息',
  5: '信访、举报或咨询类事项',
  6: '档案信息',
  7: '工作秘密',
  8: '其他公开后可能危及国家安全、公共安全、经济安全和社会稳定的信息',
  9: '法律、法规禁止公开的其他事项',
};

/** What a decision on a 公文 may rest on when a category is found (条例 articles; other laws by name). */
const withholding: Record<CategoryId, { articles: string[]; laws: RegExp | null }> = {
  1: { articles: ['条例第十四条', '条例第十五条'], laws: /^(?!条例)/ },
  2: { articles: ['条例第十六条第二款'], laws: /^(?!条例)/ },
  3: { articles: ['条例第十六条第一款'], laws: /^(?!条例)/ },
  4: { articles: [], laws: null },
  5: { articles: ['条例第十五条', '条例第十六条第二款'], laws: /^(?!条例)/ },
  6: { articles: [], laws: /^(?:档案法|干部人事档案工作条例)/ },
  7: { articles: [], laws: /^保守国家秘密法/ },
  8: { articles: ['条例第十四条'], laws: /^(?!条例)/ },
  9: { articles: ['条例第十四条'], laws: /^(?!条例)/ },
};

/** Articles that govern how a *request* is handled; allowed only as such, and only for their category. */
const requestHandling: Partial<Record<CategoryId, string>> = { 4: '条例第三十八条', 5: '条例第三十九条' };

/** Articles a 公文 decision may cite whatever was found: the attribute anchors and partial release. */
const attributeArticles = ['条例第十三条', '条例第二十七条', '条例第三章', '条例第三十七条', '条例第十四、十五、十六条'];

const categoryIds = Object.keys(seedNames).map(Number) as CategoryId[];

function fits(category: CategoryId, basis: string): boolean {
  const rule = withholding[category];
  return rule.articles.includes(basis) || (rule.laws !== null && rule.laws.test(basis));
}

// ---- The free text: every string that ships, sentence by sentence. ----

const numerals = '一二三四五六七八九十百零';
const citation = new RegExp(`第([${numerals}、]+)条`, 'gu');
/** The 2019 条例 by its name, or as 条例 after a verb or a mark (not 信访工作条例, 艾滋病防治条例 …). */
const regulationBefore = /(?:政府信息公开条例》?(?:（\d{4}）)?|(?:^|依据|根据|按照|依照|适用|按|依|[《》、；;，,。：:（(“”\s])条例)$/u;
const otherLawBefore = /[\p{Script=Han}]{1,12}(?:法|条例|规定|办法)》?(?:（\d{4}(?:年修订)?）)?$/u;

/** The 条例 article numbers a clause cites, following a bare “第三十九条” back to the law named before it. */
function regulationArticles(clause: string): string[] {
  const found: string[] = [];
  let current: 'regulation' | 'other' | null = null;
  for (const m of clause.matchAll(citation)) {
    const before = clause.slice(0, m.index);
    if (regulationBefore.test(before)) current = 'regulation';
    else if (otherLawBefore.test(before)) current = 'other';
    if (current === 'regulation') found.push(...m[1]!.split('、'));
  }
  return found;
}

const withholdingWords = /不予公开|不公开|不得公开|予以保密|可以不予提供/;
/** A sentence that says an article is *not* a ground (不是本件不予公开的依据) is the drafter being told what to do. */
const denial = /不是|不作为|不构成|不适用|只规定|只是|只关乎|并非|而非|不属于/;

function clauses(text: string): string[] {
  return text.split(/[。；;\n]/).map((c) => c.trim()).filter(Boolean);
}

interface Problem {
  where: string;
  clause: string;
  why: string;
}

function freeTextProblems(where: string, text: string): Problem[] {
  const problems: Problem[] = [];
  for (const clause of clauses(text)) {
    const articles = regulationArticles(clause);
    if (articles.some((a) => a === '三十八' || a === '三十九') && withholdingWords.test(clause) && !denial.test(clause)) {
      problems.push({ where, clause, why: '条例第三十八、三十九条 cited as a ground to withhold' });
    }
    if (/档案/.test(clause) && articles.includes('十')) problems.push({ where, clause, why: 'archives put under 条例第十条, not the 档案法' });
  }
  return problems;
}

const root = path.resolve(import.meta.dirname, '../..');
const shippedText = [
  ...['shared/messages', 'renderer/src/messages'].flatMap((dir) => fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f))),
  'shared/categories.ts',
  'shared/basis.ts',
  'shared/attributes.ts',
  ...fs.readdirSync(path.join(root, 'resources/lexicon')).map((f) => path.join('resources/lexicon', f)),
];

/** String literals of a source file, or the lines of a table. */
function strings(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  if (!file.endsWith('.ts')) return text.split('\n');
  return [...text.matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`|"((?:[^"\\\n]|\\.)*)"/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

function shippedProblems(): Problem[] {
  return shippedText.flatMap((file) => strings(file).filter((s) => /第[一二三四五六七八九十百零、]+条/.test(s) || /档案法|保守国家秘密法/.test(s)).flatMap((s) => freeTextProblems(file, s)));
}

describe('article citations in shipped strings', () => {
  it('names the nine categories exactly as seed 000 第二十一条 lists them', () => {
    expect(Object.fromEntries(categories.map((c) => [c.id, c.name]))).toEqual(seedNames);
  });

  it('prints the full names in the 自查台账 export', () => {
    const column = ledgerColumns.find((c) => c.header === '不予公开类别')!;
    expect(column.value({ categories: [3, 5] } as WorklistItem, 0)).toBe(`${seedNames[3]}；${seedNames[5]}`);
  });

  it('gives each category only bases that withhold such content, and request grounds only as request grounds', () => {
    for (const c of categories) {
      for (const b of [...c.basis, ...c.redactionBasis]) expect(fits(c.id, b), `category ${c.id} cites ${b}`).toBe(true);
      expect(c.requestGround, `category ${c.id}`).toBe(requestHandling[c.id] ?? null);
    }
  });

  it('offers no request ground and no 条例 article for archives in the basis pick list', () => {
    for (const o of basisOptions([])) {
      const anyCategory = categoryIds.some((c) => withholding[c].articles.includes(o.label) || (withholding[c].laws !== null && !o.label.startsWith('条例') && withholding[c].laws!.test(o.label)));
      expect(anyCategory || attributeArticles.includes(o.label), `pick list offers ${o.label}`).toBe(true);
      expect(citesRequestGround(o.label), o.label).toBe(false);
      for (const p of freeTextProblems('basis option', `${o.label}：${o.summary}`)) expect.fail(`${p.why}: ${p.clause}`);
    }
    for (const a of attributes) expect(attributeArticles, a.key).toContain(a.anchor);
  });

  it('starts every reason template from an article its category allows', () => {
    for (const id of categoryIds) {
      const template = reasonTemplates[id];
      const cited = regulationArticles(template).map((n) => `第${n}条`);
      const allowed = withholding[id].articles.map((a) => a.replace(/^条例/, '').replace(/第.款$/, ''));
      for (const article of cited) expect(allowed, `template ${id}: ${template}`).toContain(article);
      expect(citesRequestGround(template), `template ${id}`).toBe(false);
      if (id === 6) expect(template).toMatch(/档案法/);
    }
  });

  it('gives every shipped lexicon term a basis its category allows, citing request grounds only as the term’s source', () => {
    const lexicon = loadLexicon(defaultLexiconDir());
    expect(lexicon.entries.length).toBeGreaterThan(300);
    for (const entry of lexicon.entries) {
      for (const b of entry.basis) expect(fits(entry.category, b), `${entry.source} “${entry.pattern}” cites ${b}`).toBe(true);
      for (const n of regulationArticles(`${entry.note}。${entry.origin}`)) {
        const article = `条例第${n}条`;
        if (Object.values(requestHandling).includes(article)) expect(requestHandling[entry.category], `${entry.source} “${entry.pattern}” names ${article}`).toBe(article);
        expect(n, `${entry.source} “${entry.pattern}”`).not.toBe('十');
      }
    }
  });

  it('never states a request ground as a reason to withhold, nor the 条例 for archives, in any message, table or note', () => {
    expect(shippedText.length).toBeGreaterThan(10);
    expect(shippedProblems()).toEqual([]);
  });

  it('catches the wrong law it is written for', () => {
    expect(freeTextProblems('t', '本件涉及信访、举报事项，依据条例第三十九条及信访工作有关规定不予公开。')).toHaveLength(1);
    expect(freeTextProblems('t', '依据《中华人民共和国政府信息公开条例》第三十八条，不予公开。')).toHaveLength(1);
    expect(freeTextProblems('t', '已移交档案馆的，按条例第十条办理。')).toHaveLength(1);
    expect(freeTextProblems('t', '条例第三十九条只规定以申请形式提出的信访如何处理，不是本件不予公开的依据。')).toEqual([]);
    expect(freeTextProblems('t', '艾滋病病人身份依法保密（艾滋病防治条例第三十九条），不予公开。')).toEqual([]);
    expect(fits(5, '条例第三十九条')).toBe(false);
    expect(fits(6, '条例第十条')).toBe(false);
  });
});

describe('a 公文 decision cannot rest on a request ground', () => {
  const doc = { suggestion: { attribute: 'withheld' as const }, findings: [], classification: null, text: '正文' };
  const draft = (basis: string[], basisText = '') => ({ attribute: 'withheld' as const, reason: '涉及信访事项', basis, basisText, justification: '', dispositions: [], redactions: [] });

  it('refuses 条例第三十八、三十九条 in the picked bases or the typed basis', () => {
    expect(decisionProblems(draft(['条例第三十九条']), doc, null, 0.8)).toContainEqual({ kind: 'request-basis', cited: ['条例第三十九条'] });
    expect(decisionProblems(draft([], '《政府信息公开条例》第三十八条'), doc, null, 0.8).map((p) => p.kind)).toContain('request-basis');
    expect(decisionProblems(draft([], '按条例第三十九条办理'), doc, null, 0.8).map((p) => p.kind)).toContain('request-basis');
    expect(decisionProblems(draft(['条例第十四条', '艾滋病防治条例第三十九条']), doc, null, 0.8).map((p) => p.kind)).not.toContain('request-basis');
    expect(decisionProblems(draft(['条例第十五条']), doc, null, 0.8).map((p) => p.kind)).not.toContain('request-basis');
  });

  it('suggests returning a decision that cites one', () => {
    const returned = { title: null, text: null, metadata: { note: null }, lacksInterpretation: false };
    expect(suggestedReturnGrounds({ attribute: 'withheld', reason: '涉及信访', basis: ['条例第三十九条'], basisText: '' }, returned)).toContain('basis-does-not-fit');
    expect(suggestedReturnGrounds({ attribute: 'withheld', reason: '涉及信访人', basis: ['条例第十五条'], basisText: '' }, returned)).not.toContain('basis-does-not-fit');
  });

  it('never suggests one for any draft the scanner is tested on', () => {
    const scanner = createScanner();
    for (const [name, text] of Object.entries(drafts)) {
      const { suggestion } = scanner.scanText(text);
      expect(suggestion.basis.filter(citesRequestGround), name).toEqual([]);
      expect(suggestion.basis, name).not.toContain('条例第十条');
    }
  });
});
