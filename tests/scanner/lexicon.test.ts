import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createScanner, defaultLexiconDir } from '../../electron/core/scanner/index.ts';
import { loadLexicon } from '../../electron/core/scanner/lexicon.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicon-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function dir(name: string, files: Record<string, string>): string {
  const d = path.join(tmp, name);
  fs.mkdirSync(d, { recursive: true });
  for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(d, file), content);
  return d;
}

const header = 'pattern\tcategory\tweight\tmode\tnote\tbasis\n';

describe('lexicon', () => {
  it('ships a table for each of the nine categories and an allow-list', () => {
    const files = fs.readdirSync(defaultLexiconDir());
    for (let c = 1; c <= 9; c++) expect(files.some((f) => f.startsWith(`${c}-`) && f.endsWith('.tsv'))).toBe(true);
    expect(files).toContain('allow.tsv');
  });

  it('lets an allowed word that contains a flagged term win over it (三黄片 / 黄片)', () => {
    const shipped = dir('shipped', { 'x.tsv': header + '黄片\t1\t0.9\tany\t测试\t条例第十五条\n', 'allow.tsv': 'word\tnote\n三黄片\t中成药\n' });
    const scanner = createScanner({ lexiconDir: shipped });
    expect(scanner.scanText('药店出售三黄片。').findings).toEqual([]);
    expect(scanner.scanText('传播黄片。').findings.map((f) => f.term)).toEqual(['黄片']);
  });

  it('keeps the shipped allow-list winning over the shipped terms (无犯罪记录证明 / 犯罪记录)', () => {
    const scanner = createScanner();
    expect(scanner.scanText('申请人需提交无犯罪记录证明。').findings.filter((f) => f.kind === 'term')).toEqual([]);
    expect(scanner.scanText('该员工有犯罪记录。').findings.filter((f) => f.kind === 'term').map((f) => f.term)).toEqual(['犯罪记录']);
  });

  it('adds user terms and allow-words from a separate directory and changes the version', () => {
    const user = dir('user', { 'mine.tsv': header + '专项整治底数\t8\t0.8\tany\t本单位敏感数据\t条例第十四条\n', 'allow.tsv': '维稳办\n' });
    const plain = createScanner();
    const withUser = createScanner({ userLexiconDir: user });
    expect(withUser.version).not.toBe(plain.version);
    expect(withUser.scanText('附：专项整治底数表。').findings.map((f) => [f.term, f.category])).toEqual([['专项整治底数', 8]]);
    expect(withUser.scanText('联系维稳办。').findings).toEqual([]);
    expect(plain.scanText('联系维稳办。').findings.length).toBeGreaterThan(0);
  });

  it('records the version with every scan', () => {
    const scanner = createScanner();
    expect(scanner.scanText('测试').lexiconVersion).toBe(scanner.version);
    expect(scanner.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('skips a bad user line with a Chinese warning instead of failing', () => {
    const user = dir('bad', { 'bad.tsv': header + '某词\t12\t0.5\tany\t\t\n/(/\t1\t0.5\tany\t\t\n' });
    const scanner = createScanner({ userLexiconDir: user });
    expect(scanner.warnings).toHaveLength(2);
    expect(scanner.warnings[0]).toMatch(/第 2 行.*类别/);
  });

  it('gives every shipped term its source: a law article or published guidance after 来源：', () => {
    const { entries } = loadLexicon(defaultLexiconDir());
    const withoutSource = entries.filter((e) => !/《[^》]+》|GB\/T|国办|DA\/T/.test(e.origin)).map((e) => e.pattern);
    expect(withoutSource).toEqual([]);
    expect(entries.every((e) => !e.note.includes('来源'))).toBe(true);
    const term = createScanner().scanText('经查，该职工的病情诊断为抑郁症。').findings.find((f) => f.term === '病情')!;
    expect(term.explanation).toContain('词条来源：《个人信息保护法》第二十八条');
  });

  it('ships a broad lexicon: every category grew from published sources', () => {
    const { entries } = loadLexicon(defaultLexiconDir());
    const count = (c: number) => entries.filter((e) => e.category === c).length;
    expect(entries.length).toBeGreaterThanOrEqual(400);
    for (const c of [1, 3, 5, 8, 9]) expect(count(c)).toBeGreaterThanOrEqual(35);
    for (const c of [2, 7]) expect(count(c)).toBeGreaterThanOrEqual(30);
    for (const c of [4, 6]) expect(count(c)).toBeGreaterThanOrEqual(15);
  });

  it('reads one word in two categories when two tables list it, and a user entry replaces its own category only', () => {
    const shipped = dir('two', { 'a.tsv': header + '样本人\t5\t0.8\ttopic\t甲\t条例第十五条\n', 'b.tsv': header + '样本人\t9\t0.85\tidentity\t乙\t条例第十四条\n' });
    const scanner = createScanner({ lexiconDir: shipped });
    const found = scanner.scanText('样本人王建国（电话13812345678）反映情况。').findings.filter((f) => f.kind === 'term').sort((a, b) => a.category - b.category);
    expect(found.map((f) => [f.category, f.negated])).toEqual([[5, false], [9, false]]);
    const user = dir('two-user', { 'c.tsv': header + '样本人\t9\t0.3\tidentity\t丙\t条例第十四条\n' });
    const replaced = createScanner({ lexiconDir: shipped, userLexiconDir: user }).scanText('样本人王建国（电话13812345678）反映情况。');
    expect(replaced.findings.filter((f) => f.kind === 'term').sort((a, b) => a.category - b.category).map((f) => [f.category, f.score])).toEqual([[5, 0.8], [9, 0.3]]);
  });

  it('refuses a lexicon directory with no tables', () => {
    expect(() => createScanner({ lexiconDir: dir('empty', {}) })).toThrow(/审查词库/);
  });
});
