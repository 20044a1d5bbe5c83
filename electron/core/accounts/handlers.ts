import type { Api } from '../../../shared/ipc.ts';
import type { Desk, Handlers } from '../kernel/desk.ts';
import { addUser, anchorAccounts, changePassword, listUsers, rekeyUser, setRoles } from './users.ts';

type AccountsApi = Pick<Api, 'changePassword' | 'listUsers' | 'addUser' | 'anchorAccounts' | 'rekeyUser' | 'setUserRoles'>;

/** Accounts and their keys; every change is countersigned by an admin's password. */
export function accountsHandlers(desk: Desk): Handlers<AccountsApi> {
  return {
    changePassword: ({ oldPassword, newPassword }) => {
      const { ctx, actor } = desk.signedIn();
      changePassword(ctx, actor, oldPassword, newPassword);
    },
    listUsers: () => {
      const { ctx, actor } = desk.signedIn();
      return listUsers(ctx, actor);
    },
    addUser: ({ adminPassword, ...account }) => {
      const { ctx, actor } = desk.signedIn();
      return addUser(ctx, { actor, password: adminPassword }, account);
    },
    anchorAccounts: ({ adminPassword }) => {
      const { ctx, actor } = desk.signedIn();
      anchorAccounts(ctx, { actor, password: adminPassword });
      // The anchor changes what the chain must prove, so it is walked again.
      desk.verifyWholeChain(ctx).catch(() => undefined);
      return desk.status();
    },
    rekeyUser: ({ name, newPassword, adminPassword }) => {
      const { ctx, actor } = desk.signedIn();
      return rekeyUser(ctx, { actor, password: adminPassword }, name, newPassword);
    },
    setUserRoles: ({ name, roles, adminPassword }) => {
      const { ctx, actor } = desk.signedIn();
      return setRoles(ctx, { actor, password: adminPassword }, name, roles);
    },
  };
}
