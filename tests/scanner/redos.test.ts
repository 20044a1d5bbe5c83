import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { constructedPatterns, shippedPatterns, type ShippedPattern } from './redos-patterns.ts';
import { superLinear } from './redos-timing.ts';

/** Timing on a shared two-core machine: the verdicts do not depend on speed, but the runs take what they take. */
const slow = 600_000;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const literal = shippedPatterns(repoRoot);
const byFile = new Map<string, ShippedPattern[]>();
for (const pattern of literal) {
  const file = pattern.where.replace(/:\d+$/, '');
  byFile.set(file, [...(byFile.get(file) ?? []), pattern]);
}

describe('every shipped pattern stays near-linear on 1 MB adversarial runs', () => {
  it('collects the regex literals and literal RegExp sources of electron/ and shared/', () => {
    expect(literal.length).toBeGreaterThan(250);
    expect(literal.some((p) => p.where.startsWith('electron/core/scanner/pii.ts') && p.regex.source.includes('@[A-Za-z0-9-]+'))).toBe(true);
    expect(literal.some((p) => p.where.startsWith('shared/validators.ts'))).toBe(true);
  });

  for (const [file, patterns] of byFile) {
    it(`keeps the ${patterns.length} pattern(s) in ${file} near-linear`, () => {
      expect(superLinear(patterns)).toEqual([]);
    }, slow);
  }

  it('keeps the patterns built at run time (names, addresses, health, metadata, docx parts, shipped lexicon) near-linear', async () => {
    const built = await constructedPatterns(async () => {
      const { createScanner } = await import('../../electron/core/scanner/index.ts');
      const { parseJob } = await import('../../electron/core/intake/parse.ts');
      const { makeDocx } = await import('../helpers/fixtures.ts');
      createScanner().scanText('关于张某某的行政处罚决定书\n当事人：张三，男，住址：某市某区某路1号。\n经查，张三患有高血压。\n');
      const bytes = await makeDocx([{ title: '关于开展检查的通知' }, '各单位：', { pageBreak: true }, '请按时报送。'], { header: '页眉', footer: '{PAGE}' });
      await parseJob({ source: { bytes }, fileName: 'a.docx', limits: { maxBytes: 1 << 26, maxExpandedBytes: 1 << 26, timeoutMs: 30_000 } });
    });
    const places = new Set(built.map((p) => p.where.replace(/:\d+$/, '')));
    for (const file of ['electron/core/scanner/people.ts', 'electron/core/scanner/sensitive.ts', 'electron/core/scanner/lexicon.ts', 'electron/core/metadata/metadata.ts', 'electron/core/intake/docx-body.ts']) expect(places).toContain(file);
    expect(superLinear(built)).toEqual([]);
  }, slow);
});
