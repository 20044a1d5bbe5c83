import type { People } from '../../../shared/ipc/records.ts';

/** 张拟稿（zhangni）: the name officers know, then the login name the record holds; the login name alone when no account has it. */
export function personLabel(login: string, people: People): string {
  const name = Object.hasOwn(people, login) ? people[login] : undefined;
  return name && name !== login ? `${name}（${login}）` : login;
}

/** Who acted, and in which role: 张拟稿（zhangni）· 拟稿人. */
export function actorLabel(login: string | null, roleLabel: string | null, people: People): string {
  if (login === null) return roleLabel ?? '—';
  return roleLabel ? `${personLabel(login, people)} · ${roleLabel}` : personLabel(login, people);
}

/** The accounts listed at sign-in as People, for views whose core answer carries login names only (the inspection's opener and closer). */
export const accountPeople = (accounts: readonly { name: string; displayName: string }[] | undefined): People =>
  Object.fromEntries((accounts ?? []).map((a) => [a.name, a.displayName]));
