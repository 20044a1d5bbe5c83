import { describe, expect, it, vi } from 'vitest';
import nodejieba from 'nodejieba';
import { createScanner } from '../../electron/core/scanner/index.ts';
import { alignmentWithin, cutter, prefetchAlignments, tokenHolding } from '../../electron/core/scanner/segmenter.ts';
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

  it('cuts the pieces fetched together in one call exactly as jieba cuts the whole range', () => {
    const cut = cutter();
    const hits = [...hotline.matchAll(/张伟|举报|物业|维修|住址|环城西路|满意/g)].map((m) => ({ from: 0, to: hotline.length, start: m.index + 1, end: m.index + m[0].length + 1 }));
    const calls = vi.spyOn(nodejieba, 'cut');
    prefetchAlignments(cut, hotline, hits);
    expect(calls).toHaveBeenCalledTimes(1);
    const tokens = hits.flatMap((h) => [h.start, h.end].map((at) => tokenHolding(cut, hotline, h.from, h.to, at)));
    expect(calls).toHaveBeenCalledTimes(1);
    calls.mockRestore();
    expect(tokens).toEqual(hits.flatMap((h) => [h.start, h.end].map((at) => wholeCutToken(hotline, h.from, h.to, at))));
    expect(tokens.some((t) => t !== null)).toBe(true);
  });
});
