import type { Command } from '../main.ts';
import { parseArgs, required, splitList, usageError } from '../args.ts';
import { openCliRecords, print, readPassword, signIn } from '../record.ts';
import { addUser, listUsers, rekeyUser, setRoles } from '../../core/accounts/users.ts';
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
    const ctx = openCliRecords(args);
    try {
      if (sub === 'list') {
        const { actor } = await signIn(ctx, args, usage);
        for (const u of listUsers(ctx, actor)) print(`${u.name}\t${u.displayName}\t${u.roles.map((r) => roleLabels[r]).join('、')}\t${u.keyFingerprint.slice(0, 16)}`);
        return 0;
      }
      if (!name || (sub !== 'add' && sub !== 'roles' && sub !== 'rekey')) throw usageError(m.usersWhich, usage);
      if (sub === 'rekey') {
        const by = await signIn(ctx, args, usage);
        const password = await readPassword(m.newPasswordPrompt(name), 'DISCLOSURE_DESK_NEW_PASSWORD');
        if (password.length < 8) throw usageError(m.passwordTooShort, usage);
        const user = rekeyUser(ctx, { actor: by.actor, password: by.password }, name, password);
        print(m.userRekeyed(user.name, user.keyFingerprint));
        return 0;
      }
      const wanted = roles(required(args, 'roles', usage));
      if (sub === 'roles') {
        const by = await signIn(ctx, args, usage);
        const user = setRoles(ctx, { actor: by.actor, password: by.password }, name, wanted);
        print(m.rolesSet(user.name, user.roles.map((r) => roleLabels[r])));
        return 0;
      }
      const firstRun = ctx.store.users.count() === 0;
      const by = firstRun && !args.values.as ? null : await signIn(ctx, args, usage);
      const password = await readPassword(m.newPasswordPrompt(name), 'DISCLOSURE_DESK_NEW_PASSWORD');
      if (password.length < 8) throw usageError(m.passwordTooShort, usage);
      const user = addUser(ctx, by && { actor: by.actor, password: by.password }, { name, displayName: args.values.display ?? name, password, roles: wanted });
      print(m.userAdded(user.name, user.roles.map((r) => roleLabels[r]), user.keyFingerprint));
      if (!by) print(m.rootCreated(user.keyFingerprint));
      return 0;
    } finally {
      ctx.store.close();
    }
  },
};
