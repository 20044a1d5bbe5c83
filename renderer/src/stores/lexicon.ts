import { create } from 'zustand';
import type { LexiconState, TermInput } from '../../../shared/ipc/lexicon.ts';
import type { ScanResult } from '../../../shared/types.ts';
import { lexicon as m } from '../messages/lexicon.ts';
import { useNotices } from './notices.ts';

interface LexiconStore {
  state: LexiconState | null;
  testResult: ScanResult | null;
  load(): Promise<void>;
  addTerm(input: TermInput): Promise<boolean>;
  removeTerm(pattern: string, category: number): Promise<void>;
  addAllow(word: string, note: string): Promise<boolean>;
  removeAllow(word: string): Promise<void>;
  importTable(path: string): Promise<void>;
  exportTable(path: string): Promise<void>;
  test(text: string): Promise<void>;
}

export const useLexicon = create<LexiconStore>((set) => {
  const edit = async (work: () => Promise<LexiconState>): Promise<boolean> => {
    try {
      set({ state: await work() });
      useNotices.getState().ok(m.changed);
      return true;
    } catch (error) {
      useNotices.getState().fail(error);
      return false;
    }
  };
  return {
    state: null,
    testResult: null,
    async load() {
      try {
        set({ state: await window.api.lexicon() });
      } catch (error) {
        useNotices.getState().fail(error);
      }
    },
    addTerm: (input) => edit(() => window.api.addLexiconTerm(input)),
    async removeTerm(pattern, category) {
      await edit(() => window.api.removeLexiconTerm({ pattern, category }));
    },
    addAllow: (word, note) => edit(() => window.api.addAllowWord({ word, note })),
    async removeAllow(word) {
      await edit(() => window.api.removeAllowWord({ word }));
    },
    async importTable(path) {
      try {
        const result = await window.api.importLexicon({ path });
        set({ state: result.state });
        useNotices.getState().ok(m.imported(result.added, result.skipped));
      } catch (error) {
        useNotices.getState().fail(error);
      }
    },
    async exportTable(path) {
      try {
        const result = await window.api.exportLexicon({ path });
        useNotices.getState().ok(m.exported(result.path, result.terms, result.allow));
      } catch (error) {
        useNotices.getState().fail(error);
      }
    },
    async test(text) {
      try {
        set({ testResult: await window.api.testLexicon({ text }) });
      } catch (error) {
        useNotices.getState().fail(error);
      }
    },
  };
});
