import type { Api } from '../../../shared/ipc.ts';
import { addUser, logout } from '../accounts/users.ts';
import type { Desk, Handlers } from './desk.ts';

type SessionApi = Pick<Api, 'getAppInfo' | 'sessionStatus' | 'setupAdmin' | 'login' | 'logout'>;

/** Who is at the desk: first-run set-up, signing in and out. */
export function sessionHandlers(desk: Desk): Handlers<SessionApi> {
  return {
    getAppInfo: () => desk.appInfo,
    sessionStatus: () => desk.status(),
    setupAdmin: ({ name, displayName, password }) => {
      addUser(desk.record(), null, { name, displayName, password, roles: ['admin'] });
      return desk.signIn(name, password);
    },
    login: ({ name, password }) => desk.signIn(name, password),
    logout: () => {
      const user = desk.user();
      if (user && desk.isOpen()) logout(desk.record(), user);
      desk.signOut();
    },
  };
}
