import { create } from 'zustand';
import type { AppInfo } from '../../../shared/ipc/app.ts';
import type { SessionStatus, SessionUser } from '../../../shared/ipc/records.ts';
import { errorText } from '../lib/errors.ts';
import { startupAuditText } from '../lib/startup-audit.ts';
import { useNotices } from './notices.ts';
import { useWorkspace } from './workspace.ts';
import { session as m } from '../messages/session.ts';

/** How often the start-up audit verification is asked after while it runs (about 6 s for a million entries). */
const AUDIT_POLL_MS = 1000;

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
  /** The way out when the database will not open: replace it with a backup the user picks. */
  restoreFromBackup(): Promise<void>;
}

export const useSession = create<SessionStore>((set, get) => {
  let auditPoll: ReturnType<typeof setTimeout> | null = null;
  /** Follows a running start-up verification; when it ends the result is announced wherever the user is. */
  const followAudit = (status: SessionStatus) => {
    if (status.audit?.state !== 'checking' || auditPoll) return;
    auditPoll = setTimeout(async () => {
      auditPoll = null;
      try {
        const next = await window.api.sessionStatus();
        set({ status: next });
        if (next.audit?.state === 'checking') followAudit(next);
        else if (next.audit?.state === 'done' && next.audit.report.intact) useNotices.getState().ok(startupAuditText(next.audit));
        else if (next.audit) useNotices.getState().fail({ code: 'audit-broken', message: startupAuditText(next.audit) });
      } catch (error) {
        useNotices.getState().fail(error);
      }
    }, AUDIT_POLL_MS);
  };
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
        followAudit(status);
      } catch (error) {
        set({ error: errorText(error) });
      }
    },
    async setupAdmin(input) {
      await attempt(() => window.api.setupAdmin(input));
      if (!get().user) return;
      const status = await window.api.sessionStatus();
      set({ status });
      if (status.rootFingerprint) useNotices.getState().ok(m.rootKeyCreated(status.rootFingerprint));
    },
    login: (name, password) => attempt(() => window.api.login({ name, password })),
    async restoreFromBackup() {
      const [path] = await window.api.chooseFiles({});
      if (!path) return;
      set({ busy: true, error: null });
      try {
        const status = await window.api.restoreBackup({ path });
        set({ status, busy: false });
        useNotices.getState().ok(m.restored);
        followAudit(status);
      } catch (error) {
        set({ busy: false, error: errorText(error) });
      }
    },
    async logout() {
      // What the officer typed is saved under their name before the session ends, or they stay signed in and are told why.
      if (!(await useWorkspace.getState().release())) return;
      await window.api.logout();
      useNotices.getState().clear();
      set({ user: null });
      await get().load();
    },
  };
});

export const hasRole = (user: SessionUser | null, ...roles: SessionUser['roles']): boolean => !!user && roles.some((r) => user.roles.includes(r));
