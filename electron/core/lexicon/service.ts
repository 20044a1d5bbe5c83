import type { LexiconImportResult, LexiconState, TermInput } from '../../../shared/ipc/lexicon.ts';
import { lexiconMessages as m } from '../../../shared/messages/lexicon.ts';
import type { CategoryId, ScanResult } from '../../../shared/types.ts';
import { fail } from '../errors.ts';
import { appendEntry } from '../ledger/chain.ts';
import type { Actor, Context } from '../kernel/context.ts';
import { requireRole } from '../kernel/context.ts';
import { createScanner, defaultLexiconDir, type Scanner } from '../scanner/index.ts';
import { loadLexicon } from '../scanner/lexicon.ts';
import { parseTable, readUserTables, writeExport, writeUserTables, type UserTables } from './tables.ts';

export interface LexiconOptions {
  lexiconDir?: string | undefined;
  userLexiconDir: string;
  /** Called after every change, so the import pipeline scans with the new lexicon. */
  onChange(): void;
}

interface LexiconService {
  state(): LexiconState;
  addTerm(ctx: Context, actor: Actor, input: TermInput): LexiconState;
  removeTerm(ctx: Context, actor: Actor, pattern: string, category: number): LexiconState;
  addAllow(ctx: Context, actor: Actor, word: string, note: string): LexiconState;
  removeAllow(ctx: Context, actor: Actor, word: string): LexiconState;
  importTable(ctx: Context, actor: Actor, file: string): LexiconImportResult;
  exportTable(ctx: Context, actor: Actor, file: string): { path: string; terms: number; allow: number };
  test(text: string): ScanResult;
}

/** The lexicon editor: the user's own terms and allow-words beside the shipped tables; every change is audited. */
export function lexiconService(options: LexiconOptions): LexiconService {
  const shippedDir = options.lexiconDir ?? defaultLexiconDir();
  const userDir = options.userLexiconDir;
  let scanner: Scanner | null = null;

  const state = (): LexiconState => {
    const shipped = loadLexicon(shippedDir);
    const all = loadLexicon(shippedDir, userDir);
    const user = readUserTables(userDir);
    return {
      version: all.version,
      terms: [
        ...shipped.entries.map((e) => ({ pattern: e.pattern, category: e.category, weight: e.weight, mode: e.mode, note: e.note, basis: e.basis, source: 'shipped' as const })),
        ...user.terms,
      ],
      allow: [...shipped.allow.map((word) => ({ word, note: '', source: 'shipped' as const })), ...user.allow],
      warnings: all.warnings,
    };
  };

  /** Writes the new tables, rejects them if the loader finds a new problem, and records the change with the new version. */
  const change = (ctx: Context, actor: Actor, next: UserTables, payload: Record<string, unknown>, check?: string): LexiconState => {
    const editor = actor.roles.includes('admin') ? 'admin' : 'reviewer';
    requireRole(actor, editor);
    const before = readUserTables(userDir);
    const warningsBefore = loadLexicon(shippedDir, userDir).warnings.length;
    writeUserTables(userDir, next);
    const after = loadLexicon(shippedDir, userDir);
    if (after.warnings.length > warningsBefore) {
      writeUserTables(userDir, before);
      fail('lexicon-invalid', m.badTerm(check ?? '', after.warnings.at(-1) ?? ''));
    }
    ctx.store.write(() => appendEntry(ctx.store, { user: actor.name, role: editor, action: 'lexicon.change', payload: { ...payload, version: after.version } }, ctx.now()));
    scanner = null;
    options.onChange();
    return state();
  };

  return {
    state,
    addTerm(ctx, actor, input) {
      const tables = readUserTables(userDir);
      if (tables.terms.some((t) => t.pattern === input.pattern && t.category === input.category)) fail('lexicon-duplicate', m.duplicateTerm(input.pattern));
      return change(ctx, actor, { ...tables, terms: [...tables.terms, { ...input, category: input.category as CategoryId, source: 'user' }] }, { op: 'add-term', ...input }, input.pattern);
    },
    removeTerm(ctx, actor, pattern, category) {
      const tables = readUserTables(userDir);
      if (!tables.terms.some((t) => t.pattern === pattern && t.category === category)) {
        const shipped = loadLexicon(shippedDir).entries.some((e) => e.pattern === pattern && e.category === category);
        fail(shipped ? 'lexicon-shipped' : 'lexicon-missing-term', shipped ? m.shippedTerm(pattern) : m.noTerm(pattern));
      }
      return change(ctx, actor, { ...tables, terms: tables.terms.filter((t) => !(t.pattern === pattern && t.category === category)) }, { op: 'remove-term', pattern, category });
    },
    addAllow(ctx, actor, word, note) {
      const tables = readUserTables(userDir);
      if (tables.allow.some((a) => a.word === word)) fail('lexicon-duplicate', m.duplicateAllow(word));
      return change(ctx, actor, { ...tables, allow: [...tables.allow, { word, note, source: 'user' }] }, { op: 'add-allow', word, note }, word);
    },
    removeAllow(ctx, actor, word) {
      const tables = readUserTables(userDir);
      if (!tables.allow.some((a) => a.word === word)) {
        const shipped = loadLexicon(shippedDir).allow.includes(word);
        fail(shipped ? 'lexicon-shipped' : 'lexicon-missing-allow', shipped ? m.shippedAllow(word) : m.noAllowWord(word));
      }
      return change(ctx, actor, { ...tables, allow: tables.allow.filter((a) => a.word !== word) }, { op: 'remove-allow', word });
    },
    importTable(ctx, actor, file) {
      const incoming = parseTable(file);
      const tables = readUserTables(userDir);
      const terms = incoming.terms.filter((t) => !tables.terms.some((u) => u.pattern === t.pattern && u.category === t.category));
      const allow = incoming.allow.filter((a) => !tables.allow.some((u) => u.word === a.word));
      const skipped = incoming.skipped + incoming.terms.length - terms.length + incoming.allow.length - allow.length;
      const next = change(ctx, actor, { terms: [...tables.terms, ...terms], allow: [...tables.allow, ...allow] }, { op: 'import', file, terms: terms.length, allow: allow.length }, file);
      return { state: next, added: terms.length + allow.length, skipped };
    },
    exportTable(ctx, actor, file) {
      const tables = readUserTables(userDir);
      writeExport(file, tables);
      ctx.store.write(() => appendEntry(ctx.store, { user: actor.name, role: actor.roles[0] ?? null, action: 'lexicon.export', payload: { path: file, terms: tables.terms.length, allow: tables.allow.length } }, ctx.now()));
      return { path: file, terms: tables.terms.length, allow: tables.allow.length };
    },
    test(text) {
      scanner ??= createScanner({ lexiconDir: shippedDir, userLexiconDir: userDir });
      return scanner.scanText(text);
    },
  };
}
