import type BetterSqlite3 from 'better-sqlite3';

/** The record's open connection; a leaf module, so every part of db/ can name it without importing the opener. */
export type Connection = BetterSqlite3.Database;
