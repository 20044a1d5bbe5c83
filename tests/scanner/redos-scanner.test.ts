import { describe, expect, it } from 'vitest';
import { createScanner, documentFromText } from '../../electron/core/scanner/index.ts';
import { namedUnits, run } from './redos-inputs.ts';
import { ladder, sizes } from './redos-timing.ts';

/**
 * The patterns built from data (the lexicon automaton, surname and label alternations, user regexes) and the
 * code around every pattern are judged as a whole: the metadata reader and the scanner on the adversarial runs,
 * up to 1 Mi characters, must grow near-linearly and scan 1 Mi within half the default per-file limit (30 s), so the worker's limit is
 * never what stops a real document. 200,000 names in one endless sentence take 8–11 s on these machines.
 */
// The last four put thousands of lexicon hits and names in one endless sentence: each was judged against all the
// others, and every redaction span walked the whole sentence (41 s of CPU for 8,000 characters of 秘密).
const units = [...namedUnits, '\n', '中\n', 'a\n', '1\n', '　', '某', '一', '：', '（', '当事人：', '张三，', '下列', '患有', '秘密', '国家秘密，', '举报人张三', '身份证号110101199003071234'];
const boundMs = 15_000;

describe('the scanner and the metadata reader on 1 MB adversarial text', () => {
  const scanner = createScanner();

  for (const unit of units) {
    it(`stay near-linear on runs of ${JSON.stringify(unit)}`, () => {
      const texts = sizes.map((n) => run(unit, n));
      const text = (k: number) => texts[k]!;
      const found = {
        metadata: ladder((t) => documentFromText(t), text, true, boundMs),
        scanner: ladder((t) => scanner.scan(documentFromText(t)), text, true, boundMs),
      };
      expect(found).toEqual({ metadata: null, scanner: null });
    }, 600_000);
  }
});
