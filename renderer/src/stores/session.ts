import { create } from 'zustand';
import type { AppInfo } from '../../../shared/ipc/app.ts';
import type { SessionStatus, SessionUser } from '../../../shared/ipc/records.ts';
import { errorText } from '../lib/errors.ts';
import { useNotices } from './notices.ts';

interface SessionStore {
  info: AppInfo | null;
  status: SessionStatus | null;
  user: SessionUser | null;
  busy: boolean;
  error: string | null;
  load(): Promise<void>;
  setupAdmin(input: { name: string; displayName: string; password: string }): Promise<void>;
  login(name: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

export const useSession = create<SessionStore>((set, get) => {
  const attempt = async (work: () => Promise<SessionUser>) => {
    set({ busy: true, error: null });
    try {
      const user = await work();
      set({ user, busy: false });
    } catch (error) {
      set({ busy: false, error: errorText(error) });
    }
  };
  return {
    info: null,
    status: null,
    user: null,
    busy: false,
    error: null,
    async load() {
      try {
        const [info, status] = await Promise.all([window.api.getAppInfo(), window.api.sessionStatus()]);
        set({ info, status, user: status.user });
      } catch (error) {
        set({ error: errorText(error) });
      }
    },
    setupAdmin: (input) => attempt(() => window.api.setupAdmin(input)),
    login: (name, password) => attempt(() => window.api.login({ name, password })),
    async logout() {
      await window.api.logout();
      useNotices.getState().clear();
      set({ user: null });
      await get().load();
    },
  };
});

export const hasRole = (user: SessionUser | null, ...roles: SessionUser['roles']): boolean => !!user && roles.some((r) => user.roles.includes(r));
