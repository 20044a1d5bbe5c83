import type { Connection } from './connection.ts';
import type { Role } from '../../../shared/types.ts';

export interface UserRecord {
  id: number;
  name: string;
  displayName: string;
  passwordHash: string;
  publicKey: string;
  encryptedPrivateKey: string;
  keyFingerprint: string;
  active: boolean;
  createdAt: string;
  roles: Role[];
}

type NewUser = Omit<UserRecord, 'id' | 'active'>;

const roleOrder: readonly Role[] = ['drafter', 'reviewer', 'signer', 'admin'];

export function usersRepository(db: Connection) {
  const byName = db.prepare('SELECT * FROM users WHERE name = ?');
  const byId = db.prepare('SELECT * FROM users WHERE id = ?');
  const all = db.prepare('SELECT * FROM users ORDER BY name');
  const rolesOf = db.prepare('SELECT role FROM user_roles WHERE userId = ?').pluck();
  const insert = db.prepare(
    'INSERT INTO users (name, displayName, passwordHash, publicKey, encryptedPrivateKey, keyFingerprint, createdAt) VALUES (@name, @displayName, @passwordHash, @publicKey, @encryptedPrivateKey, @keyFingerprint, @createdAt)',
  );
  const clearRoles = db.prepare('DELETE FROM user_roles WHERE userId = ?');
  const addRole = db.prepare('INSERT INTO user_roles (userId, role) VALUES (?, ?)');
  const updatePassword = db.prepare('UPDATE users SET passwordHash = ?, encryptedPrivateKey = ? WHERE id = ?');
  const replaceKey = db.prepare('UPDATE users SET passwordHash = @passwordHash, publicKey = @publicKey, keyFingerprint = @keyFingerprint, encryptedPrivateKey = @encryptedPrivateKey WHERE id = @id');
  const count = db.prepare('SELECT count(*) FROM users').pluck();

  const hydrate = (row: unknown): UserRecord | null => {
    if (!row) return null;
    const r = row as Omit<UserRecord, 'roles' | 'active'> & { active: number };
    const roles = new Set(rolesOf.all(r.id) as Role[]);
    return { ...r, active: r.active === 1, roles: roleOrder.filter((role) => roles.has(role)) };
  };

  return {
    count: () => count.get() as number,
    findByName: (name: string) => hydrate(byName.get(name)),
    findById: (id: number) => hydrate(byId.get(id)),
    list: () => all.all().map((row) => hydrate(row)!),
    insert(user: NewUser): number {
      const { roles, ...rest } = user;
      const id = Number(insert.run(rest).lastInsertRowid);
      for (const role of roles) addRole.run(id, role);
      return id;
    },
    setRoles(userId: number, roles: readonly Role[]): void {
      clearRoles.run(userId);
      for (const role of roles) addRole.run(userId, role);
    },
    updatePassword(userId: number, passwordHash: string, encryptedPrivateKey: string): void {
      updatePassword.run(passwordHash, encryptedPrivateKey, userId);
    },
    replaceKey(userId: number, key: Pick<UserRecord, 'passwordHash' | 'publicKey' | 'keyFingerprint' | 'encryptedPrivateKey'>): void {
      replaceKey.run({ id: userId, ...key });
    },
  };
}

