/**
 * Adversarial inputs for patterns: long runs of one character, or of a short unit, that a pattern keeps almost
 * matching. Each run ends in a character nothing expects, so an unanchored pattern fails at every start.
 */
const breaker = '\u0001';

/** Runs the issue names: Latin letters, digits, dots, '@', hyphens, spaces, CJK, punctuation, and mixes of them. */
export const namedUnits: readonly string[] = ['a', '1', '.', '@', '-', ' ', '中', '，', '。', 'a.', 'a@a.', 'a-', '1 ', '中，'];

/** Further runs that Chinese 公文 text and OOXML are made of. */
export const commonUnits: readonly string[] = [
  ...namedUnits,
  'Z', '_', '\t', '\n', '\u3000', '一', '某', '：', '、', '（', '）', '<', '>', '"', '=', '/', '\\', '×', '★', '〔',
  'a@', 'a ', 'a1', '1.', '1-', '1，', '@.', '中 ', '中。', '中1', '中a', '一二', '十年', '1年', '号 ', '。 ', '：\t', '<w:', 'x="', 'a=', '&#', '1\n',
];

const probes = ['a', 'Z', '1', ' ', '\t', '\n', '中', '一', '某', '.', '-', '，', '。', '：', '@', '×', '_', '"'];

function negatedPick(body: string, flags: string): string[] {
  let re: RegExp;
  try {
    re = new RegExp(`[^${body}]`, flags.replace(/[gy]/g, ''));
  } catch {
    return [];
  }
  const pick = probes.find((p) => re.test(p));
  return pick ? [pick] : [];
}

function escapeAtom(source: string, i: number): { chars: string[]; next: number } {
  const c = source[i + 1] ?? '';
  const simple: Record<string, string> = { d: '1', D: 'a', w: 'a', W: ' ', s: ' ', S: 'a', t: '\t', n: '\n', r: '\r', b: '', B: '' };
  if (c in simple) return { chars: simple[c] ? [simple[c]!] : [], next: i + 2 };
  if (c === 'p' || c === 'P') {
    const end = source.indexOf('}', i);
    const name = source.slice(i + 3, end);
    const chars = c === 'P' ? ['a'] : /Han/.test(name) ? ['中'] : /^N/.test(name) ? ['1'] : /^P/.test(name) ? ['，'] : ['a', '中'];
    return { chars, next: end + 1 };
  }
  if (c === 'u' && source[i + 2] === '{') {
    const end = source.indexOf('}', i);
    return { chars: [String.fromCodePoint(parseInt(source.slice(i + 3, end), 16))], next: end + 1 };
  }
  if (c === 'u') return { chars: [String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16))], next: i + 6 };
  if (c === 'x') return { chars: [String.fromCharCode(parseInt(source.slice(i + 2, i + 4), 16))], next: i + 4 };
  if (/[1-9k]/.test(c)) return { chars: [], next: i + 2 };
  return { chars: [c], next: i + 2 };
}

/**
 * Characters a pattern can consume, in source order: literals, a member of each class (both ends of a range),
 * a character outside each negated class. Runs of these, alone and in adjacent pairs, are what make a backtracking
 * engine try each start against a long tail.
 */
function atomsOf(regex: RegExp): string[] {
  const source = regex.source;
  const atoms: string[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      const { chars, next } = escapeAtom(source, i);
      atoms.push(...chars);
      i = next;
    } else if (c === '[') {
      let j = i + 1;
      const negated = source[j] === '^';
      if (negated) j++;
      const start = j;
      const members: string[] = [];
      const ends: string[] = [];
      let inRange = false;
      while (j < source.length && !(source[j] === ']' && j > start)) {
        let chars: string[];
        if (source[j] === '\\') {
          ({ chars, next: j } = escapeAtom(source, j));
        } else {
          const ch = String.fromCodePoint(source.codePointAt(j)!);
          j += ch.length;
          if (ch === '-' && members.length > 0 && source[j] !== ']') {
            ends.push(members.at(-1)!);
            inRange = true;
            continue;
          }
          chars = [ch];
        }
        members.push(...chars);
        if (inRange) ends.push(...chars);
        inRange = false;
      }
      // Members of one class behave alike: its first and last members and each range's ends stand for the rest.
      const picked = negated ? negatedPick(source.slice(start, j), regex.flags) : [members[0], ...ends, members.at(-1)];
      atoms.push(...picked.filter((a): a is string => a !== undefined));
      i = j + 1;
    } else if (c === '(' && source[i + 1] === '?') {
      const named = source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!';
      i = named ? source.indexOf('>', i) + 1 : i + (source[i + 2] === '<' ? 4 : 3);
    } else if (c === '{') {
      i = source.indexOf('}', i) + 1 || i + 1;
    } else if ('()|*+?^$'.includes(c)) {
      i++;
    } else if (c === '.') {
      atoms.push('a', '中');
      i++;
    } else {
      const ch = String.fromCodePoint(source.codePointAt(i)!);
      atoms.push(ch);
      i += ch.length;
    }
  }
  return [...new Set(atoms)];
}

/** Units to repeat for one pattern: each of its characters, each adjacent pair, and the common runs. */
export function unitsFor(regex: RegExp): string[] {
  const atoms = atomsOf(regex);
  const pairs = atoms.slice(1).map((a, k) => atoms[k]! + a);
  return [...new Set([...commonUnits, ...atoms, ...pairs])];
}

/** `unit` repeated to `length` characters, then the breaker; already flat, so no timed pass pays for joining it. */
export function run(unit: string, length: number): string {
  const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + breaker;
  /$/.test(text);
  return text;
}

/**
 * Finds every match over the whole text, as `matchAll` or a `g` loop would. `test` walks the same matches without
 * building a result for each, so allocation does not blur the timing.
 */
export function scanAll(regex: RegExp, text: string): void {
  const flags = regex.flags.replace('y', '');
  const global = new RegExp(regex.source, flags.includes('g') ? flags : flags + 'g');
  let last = -1;
  while (global.test(text)) {
    if (global.lastIndex === last) global.lastIndex++;
    last = global.lastIndex;
  }
}
