import { create } from 'zustand';
import { errorText } from '../lib/errors.ts';

interface Notice {
  id: number;
  kind: 'error' | 'ok';
  text: string;
}

interface NoticeStore {
  notices: Notice[];
  ok(text: string): void;
  fail(error: unknown): void;
  dismiss(id: number): void;
  clear(): void;
}

/** Older confirmations give way so a burst of steps never buries the screen. */
const MAX_SHOWN = 3;

let next = 1;

/** Short messages after an action: confirmations fade, errors stay until read. */
export const useNotices = create<NoticeStore>((set, get) => ({
  notices: [],
  ok(text) {
    const id = next++;
    set({ notices: [...get().notices, { id, kind: 'ok' as const, text }].slice(-MAX_SHOWN) });
    setTimeout(() => get().dismiss(id), 4000);
  },
  fail(error) {
    const text = errorText(error);
    // The same error again (a retried step, a repeated refusal) is already on screen: one notice, not a pile.
    if (get().notices.some((n) => n.kind === 'error' && n.text === text)) return;
    set({ notices: [...get().notices, { id: next++, kind: 'error', text }] });
  },
  dismiss(id) {
    set({ notices: get().notices.filter((n) => n.id !== id) });
  },
  clear() {
    set({ notices: [] });
  },
}));
