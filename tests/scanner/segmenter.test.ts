import { describe, expect, it } from 'vitest';
import nodejieba from 'nodejieba';
import { createScanner } from '../../electron/core/scanner/index.ts';
import { alignmentWithin, cutter, tokenHolding } from '../../electron/core/scanner/segmenter.ts';
import { penaltyDecision, petitionReply } from './drafts.ts';

createScanner();

/** The token of the whole cut of text[from, to) holding `at` strictly inside, as jieba gives it in one call. */
function wholeCutToken(text: string, from: number, to: number, at: number): [number, number] | null {
  let pos = from;
  for (const token of nodejieba.cut(text.slice(from, to))) {
    if (pos < at && at < pos + token.length) return [pos, pos + token.length];
    pos += token.length;
  }
  return null;
}

const hotline = '3月5日，市民张伟（联系电话13812345678）来电举报：小区物业长期不作为，电梯多次故障无人维修。诉求人住址为玉环市玉城街道环城西路88号 2幢101室。\n回访时张伟表示满意';

describe('cutting only the piece around a position', () => {
  it('finds the same token as cutting the whole range, since jieba never joins across space, tab, newline, ，or 。', () => {
    for (const text of [hotline, penaltyDecision, petitionReply]) {
      const cut = cutter();
      for (const [from, to] of [[0, text.length], [3, Math.min(text.length, 70)], [10, 24]] as const) {
        for (let at = 0; at <= text.length; at++) expect(tokenHolding(cut, text, from, to, at), `${from}-${to}@${at}`).toEqual(wholeCutToken(text, from, to, at));
      }
    }
  });

  it('tells a word cut across from one on token boundaries', () => {
    const cut = cutter();
    const at = hotline.indexOf('物业');
    expect(alignmentWithin(cut, hotline, 0, hotline.length, at, at + 2)).toBe('aligned');
    expect(alignmentWithin(cut, hotline, 0, hotline.length, at + 1, at + 3)).toBe('crosses-words');
  });
});
