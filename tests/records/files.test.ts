import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../electron/core/files.ts';
import { parseTable } from '../../electron/core/lexicon/tables.ts';
import { tempDir } from './helpers.ts';

describe('writing an export file', () => {
  it('leaves only the chosen file behind and returns the hash of what it wrote', () => {
    const dir = tempDir();
    const sha = writeFileAtomic(path.join(dir, '台账.csv'), Buffer.from('a,b\n'));
    expect(fs.readdirSync(dir)).toEqual(['台账.csv']);
    expect(sha).toBe(crypto.createHash('sha256').update('a,b\n').digest('hex'));
    expect(fs.readFileSync(path.join(dir, '台账.csv'), 'utf8')).toBe('a,b\n');
  });

  it('replaces a link planted at the target instead of writing through it', () => {
    const dir = tempDir();
    const victim = path.join(tempDir(), 'authorized_keys');
    fs.writeFileSync(victim, 'untouched');
    const target = path.join(dir, '签名包.json');
    fs.symlinkSync(victim, target);
    writeFileAtomic(target, Buffer.from('{}'));
    expect(fs.readFileSync(victim, 'utf8')).toBe('untouched');
    expect(fs.lstatSync(target).isSymbolicLink()).toBe(false);
    expect(fs.readFileSync(target, 'utf8')).toBe('{}');
  });

  it('removes its temporary file when the write fails, leaving the folder as it was', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'taken.xlsx'));
    expect(() => writeFileAtomic(path.join(dir, 'taken.xlsx'), Buffer.from('x'))).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['taken.xlsx']);
  });
});

describe('opening a file the person named', () => {
  it('reports a lexicon table that is not there with code "not-found", naming it, instead of importing nothing', () => {
    const file = path.join(tempDir(), '本机词表.tsv');
    expect(() => parseTable(file)).toThrow(expect.objectContaining({ code: 'not-found', message: expect.stringContaining('本机词表.tsv') }));
  });
});
