import { describe, expect, it } from 'vitest';
import { packObjects, unpackObjects } from '../../electron/core/db/compact-json.ts';
import { canonicalJson } from '../../shared/canonical.ts';

const findings = [
  { id: 'pii.name:27', category: 1, term: '孙丽磊', start: 27, end: 30, page: null, negated: false, score: 0.75, basis: ['条例第十五条'], explanation: '姓名。', extra: undefined },
  { id: 'pii.name:90', category: 1, term: '"引号"\\', start: 90, end: 93, page: 2, negated: true, score: 0.5, basis: ['条例第十五条'], explanation: '姓名。' },
  { start: 0, end: 4, nested: { a: [1, '2'] } },
];

describe('compact storage of paragraphs and findings', () => {
  it('gives back the same objects, shares recurring strings and stores them in much less than JSON', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...findings[0], id: `pii.name:${i}`, start: i, end: i + 3 }));
    const packed = packObjects(many);
    expect(canonicalJson(unpackObjects(packed))).toBe(canonicalJson(many));
    expect(packed.length).toBeLessThan(JSON.stringify(many).length / 2);
    expect(canonicalJson(unpackObjects(packObjects(findings)))).toBe(canonicalJson(findings));
    expect(unpackObjects(packObjects([]))).toEqual([]);
  });

  it('never lets two unpacked objects share an array', () => {
    const [a, b] = unpackObjects<{ basis: string[] }>(packObjects(findings.slice(0, 2)));
    a!.basis.push('改动');
    expect(b!.basis).toEqual(['条例第十五条']);
  });

  it('reads rows stored as a plain JSON array before', () => {
    expect(unpackObjects(canonicalJson(findings))).toEqual(JSON.parse(canonicalJson(findings)));
  });
});
