/** A match of pattern `id` ending just before `end`. */
interface AutomatonMatch {
  id: number;
  start: number;
  end: number;
}

/**
 * Aho–Corasick over UTF-16 code units. The root's transitions are a dense table because most
 * characters of a document fall back to the root; deeper states use small maps.
 */
export class Automaton {
  private readonly rootNext = new Int32Array(65536).fill(0);
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];
  private readonly lengths: number[] = [];

  constructor(patterns: readonly string[]) {
    patterns.forEach((pattern, id) => {
      this.lengths.push(pattern.length);
      if (pattern.length === 0) return;
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i);
        let to = this.next[state]!.get(c);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[state]!.set(c, to);
        }
        state = to;
      }
      this.out[state]!.push(id);
    });
    for (const [c, to] of this.next[0]!) this.rootNext[c] = to;
    const queue: number[] = [...this.next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [c, to] of this.next[state]!) {
        queue.push(to);
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const target = f === 0 ? this.rootNext[c]! : this.next[f]!.get(c)!;
        this.fail[to] = target === to ? 0 : target;
        this.out[to] = [...this.out[to]!, ...this.out[this.fail[to]!]!];
      }
    }
  }

  findAll(text: string): AutomatonMatch[] {
    const matches: AutomatonMatch[] = [];
    const { next, fail, out, rootNext, lengths } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (state === 0) state = rootNext[c]!;
      else {
        let to = next[state]!.get(c);
        while (to === undefined) {
          state = fail[state]!;
          to = state === 0 ? rootNext[c]! : next[state]!.get(c);
        }
        state = to;
      }
      const ids = out[state]!;
      if (ids.length === 0) continue;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        matches.push({ id, start: i + 1 - lengths[id]!, end: i + 1 });
      }
    }
    return matches;
  }
}
