import { create } from 'zustand';
import type { BasisOption } from '../../../shared/basis.ts';
import type { BackupResult, Settings, SettingsPatch, UserView } from '../../../shared/ipc/records.ts';
import type { Role } from '../../../shared/types.ts';
import { useNotices } from './notices.ts';

interface SettingsStore {
  settings: Settings | null;
  basis: BasisOption[];
  users: UserView[];
  lastBackup: BackupResult | null;
  load(): Promise<void>;
  loadUsers(): Promise<void>;
  update(patch: SettingsPatch, done: string): Promise<void>;
  addUser(input: { name: string; displayName: string; password: string; roles: Role[]; adminPassword: string }, done: string): Promise<boolean>;
  setRoles(name: string, roles: Role[], adminPassword: string, done: string): Promise<void>;
  backup(path: string): Promise<void>;
  restore(path: string, done: string): Promise<boolean>;
}

export const useSettings = create<SettingsStore>((set, get) => {
  const notices = () => useNotices.getState();
  return {
    settings: null,
    basis: [],
    users: [],
    lastBackup: null,
    async load() {
      try {
        const [settings, basis] = await Promise.all([window.api.getSettings(), window.api.basisOptions()]);
        set({ settings, basis });
      } catch (error) {
        notices().fail(error);
      }
    },
    async loadUsers() {
      try {
        set({ users: await window.api.listUsers() });
      } catch (error) {
        notices().fail(error);
      }
    },
    async update(patch, done) {
      try {
        set({ settings: await window.api.updateSettings(patch) });
        notices().ok(done);
      } catch (error) {
        notices().fail(error);
      }
    },
    async addUser(input, done) {
      try {
        await window.api.addUser(input);
        notices().ok(done);
        await get().loadUsers();
        return true;
      } catch (error) {
        notices().fail(error);
        return false;
      }
    },
    async setRoles(name, roles, adminPassword, done) {
      try {
        await window.api.setUserRoles({ name, roles, adminPassword });
        notices().ok(done);
        await get().loadUsers();
      } catch (error) {
        notices().fail(error);
      }
    },
    async backup(path) {
      try {
        set({ lastBackup: await window.api.backupNow({ path }) });
      } catch (error) {
        notices().fail(error);
      }
    },
    async restore(path, done) {
      try {
        await window.api.restoreBackup({ path });
        notices().ok(done);
        return true;
      } catch (error) {
        notices().fail(error);
        return false;
      }
    },
  };
});
