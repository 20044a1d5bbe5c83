import type { Command } from '../main.ts';
import { parseArgs, required, splitList, usageError } from '../args.ts';
import { print, readPassword, withRecord } from '../record.ts';
import { addUser } from '../../core/accounts/users.ts';
import { roleSchema } from '../../../shared/ipc/records.ts';
import type { Role } from '../../../shared/types.ts';
import { recordsCliMessages as m, roleLabels } from '../../../shared/messages/records.ts';

const usage = m.usersUsage;
const spec = { values: ['roles', 'display', 'as', 'db'] };

function roles(value: string): Role[] {
  const list = splitList(value);
  for (const r of list) if (!roleSchema.safeParse(r).success) throw usageError(m.unknownRole(r), usage);
  return list as Role[];
}

export const command: Command = {
  summary: m.usersSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, spec, usage);
    const [sub, name] = args.positionals;
    return withRecord(args, usage, async ({ api, ctx, signIn }) => {
      if (sub === 'list') {
        await signIn();
        for (const u of await api.listUsers()) print(`${u.name}\t${u.displayName}\t${u.roles.map((r) => roleLabels[r]).join('、')}\t${u.keyFingerprint.slice(0, 16)}`);
        return 0;
      }
      if (!name || (sub !== 'add' && sub !== 'roles' && sub !== 'rekey')) throw usageError(m.usersWhich, usage);
      if (sub === 'rekey') {
        const by = await signIn();
        const password = await readPassword(m.newPasswordPrompt(name), 'DISCLOSURE_DESK_NEW_PASSWORD');
        if (password.length < 8) throw usageError(m.passwordTooShort, usage);
        const user = await api.rekeyUser({ name, newPassword: password, adminPassword: by.password });
        print(m.userRekeyed(user.name, user.keyFingerprint));
        return 0;
      }
      const wanted = roles(required(args, 'roles', usage));
      if (sub === 'roles') {
        const by = await signIn();
        const user = await api.setUserRoles({ name, roles: wanted, adminPassword: by.password });
        print(m.rolesSet(user.name, user.roles.map((r) => roleLabels[r])));
        return 0;
      }
      const firstRun = ctx.store.users.count() === 0;
      const by = firstRun && !args.values.as ? null : await signIn();
      const password = await readPassword(m.newPasswordPrompt(name), 'DISCLOSURE_DESK_NEW_PASSWORD');
      if (password.length < 8) throw usageError(m.passwordTooShort, usage);
      const account = { name, displayName: args.values.display ?? name, password, roles: wanted };
      // The first account has nobody to countersign it and may hold more roles than the app's set-up gives; core's rules for it live in addUser.
      const user = by ? await api.addUser({ ...account, adminPassword: by.password }) : addUser(ctx, null, account);
      print(m.userAdded(user.name, user.roles.map((r) => roleLabels[r]), user.keyFingerprint));
      if (!by) print(m.rootCreated(user.keyFingerprint));
      return 0;
    });
  },
};
