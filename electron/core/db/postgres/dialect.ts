/**
 * The SQL of db/ is written once, in SQLite's spelling: camelCase column names unquoted, `@name` or `?` parameters.
 * PostgreSQL folds unquoted names to lower case and treats a bare `user` as CURRENT_USER, so before a statement is
 * sent this quotes every camelCase identifier and `user`, and numbers the parameters `$1…`. String literals,
 * quoted identifiers, comments and dollar-quoted bodies pass through untouched.
 */
interface PostgresStatementText {
  text: string;
  /** Named parameters in `$n` order; empty when the statement uses `?` or none. */
  names: string[];
  /** How many `?` placeholders the statement has. */
  positional: number;
}

const identifierStart = /[A-Za-z_]/;
const identifierPart = /[A-Za-z0-9_$]/;
const needsQuotes = (word: string) => word === 'user' || /^[a-z][a-z0-9_]*[A-Z]/.test(word);

export function toPostgres(sql: string): PostgresStatementText {
  let out = '';
  const names: string[] = [];
  let positional = 0;
  let i = 0;
  const copyUntil = (end: string, from: number) => {
    const stop = sql.indexOf(end, from);
    const to = stop === -1 ? sql.length : stop + end.length;
    out += sql.slice(i, to);
    i = to;
  };
  while (i < sql.length) {
    const ch = sql[i]!;
    const next = sql[i + 1];
    if (ch === "'" || ch === '"') {
      // A doubled quote inside is two adjacent literals as far as skipping goes.
      copyUntil(ch, i + 1);
    } else if (ch === '-' && next === '-') {
      copyUntil('\n', i);
    } else if (ch === '/' && next === '*') {
      copyUntil('*/', i + 2);
    } else if (ch === '$' && /[A-Za-z_$]/.test(next ?? '')) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (tag) {
        out += tag[0];
        i += tag[0].length;
        copyUntil(tag[0], i);
      } else {
        out += ch;
        i++;
      }
    } else if (ch === '@' && identifierStart.test(next ?? '')) {
      let end = i + 1;
      while (end < sql.length && identifierPart.test(sql[end]!)) end++;
      const name = sql.slice(i + 1, end);
      let index = names.indexOf(name);
      if (index === -1) index = names.push(name) - 1;
      out += `$${index + 1}`;
      i = end;
    } else if (ch === '?') {
      out += `$${++positional}`;
      i++;
    } else if (identifierStart.test(ch)) {
      let end = i + 1;
      while (end < sql.length && identifierPart.test(sql[end]!)) end++;
      const word = sql.slice(i, end);
      out += needsQuotes(word) ? `"${word}"` : word;
      i = end;
    } else if (/[0-9]/.test(ch)) {
      // A number's tail (1e5, 0x1F) is not an identifier.
      let end = i + 1;
      while (end < sql.length && identifierPart.test(sql[end]!)) end++;
      out += sql.slice(i, end);
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  if (names.length > 0 && positional > 0) throw new Error('a statement uses both @name and ? parameters');
  return { text: out, names, positional };
}
