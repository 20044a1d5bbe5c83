import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentFiles } from '../../electron/core/intake/walk.ts';
import { closeIntake, testAnalyzer } from '../helpers/intake.ts';
import { importJobs } from '../../electron/core/register/import-jobs.ts';
import { listDocuments } from '../../electron/core/register/documents.ts';
import { makeTeam, openTestRecords } from '../records/helpers.ts';

afterAll(() => closeIntake());

const repo = path.resolve(import.meta.dirname, '../..');

/**
 * The chosen folder holds two documents, plus what an attacker (or an accident) can put beside them: a link to
 * the folder itself (`x -> .`, which loops a walk that follows links), a link to a folder elsewhere on the disk,
 * a link to a file elsewhere, a link inside a subfolder back up to the top, and a link to the parent.
 */
function hostileTree() {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-walk-'));
  const root = path.join(base, '选定文件夹');
  const outside = path.join(base, '别处');
  fs.mkdirSync(path.join(root, '子目录'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(root, '通知.txt'), '关于开展植树活动的通知\n各单位：请积极参加。\n');
  fs.writeFileSync(path.join(root, '子目录', '说明.txt'), '关于某项工作的说明\n现将有关情况说明如下。\n');
  fs.writeFileSync(path.join(outside, '外部机密.txt'), '外部文件\n当事人：张三，公民身份号码11010519491231002X。\n');
  fs.symlinkSync('.', path.join(root, 'x'));
  fs.symlinkSync(outside, path.join(root, '外部目录'), 'dir');
  fs.symlinkSync(path.join(outside, '外部机密.txt'), path.join(root, '外部文件.txt'), 'file');
  fs.symlinkSync('..', path.join(root, '子目录', '上一级'));
  fs.symlinkSync(base, path.join(root, '子目录', '根外'));
  // In name order: 子 (U+5B50) sorts before 通 (U+901A).
  return { root, inside: [path.join(root, '子目录', '说明.txt'), path.join(root, '通知.txt')] };
}

describe('folder walks', () => {
  it('skip every symbolic link, so `x -> .` ends and nothing outside the chosen folder is listed', () => {
    const { root, inside } = hostileTree();
    expect(documentFiles([root])).toEqual({ files: inside, walked: true });
  });

  it('walk a folder named through a link from where the link points, still without following links inside', () => {
    const { root } = hostileTree();
    const alias = path.join(path.dirname(root), '快捷方式');
    fs.symlinkSync(root, alias, 'dir');
    expect(documentFiles([alias]).files).toEqual([path.join(alias, '子目录', '说明.txt'), path.join(alias, '通知.txt')]);
  });

  it('still try a file named directly, even one that does not exist, so intake can say why it is refused', () => {
    const { root } = hostileTree();
    const missing = path.join(root, '不存在.docx');
    expect(documentFiles([missing, path.join(root, '通知.txt')]).files).toEqual([missing, path.join(root, '通知.txt')]);
  });

  it('import of the folder in the app registers only the two documents inside it', async () => {
    const { root } = hostileTree();
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const jobs = importJobs(ctx, testAnalyzer());
    const { jobId } = jobs.start(team.drafter, [root]);
    let status = jobs.status(team.drafter, jobId);
    while (!status.finished) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = jobs.status(team.drafter, jobId);
    }
    expect(status).toMatchObject({ total: 2, done: 2, errors: [] });
    const names = listDocuments(ctx, {}).rows.map((d) => d.fileName).sort();
    expect(names).toEqual(['说明.txt', '通知.txt']);
  }, 120_000);

  it('the CLI scan of the folder reports only the two documents inside it', () => {
    const { root, inside } = hostileTree();
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-walk-data-'));
    const run = spawnSync(process.execPath, [path.join(repo, 'electron/cli/bin.mjs'), 'scan', root, '--json'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, DISCLOSURE_DESK_DATA: data },
      timeout: 120_000,
    });
    expect(run.status).toBe(0);
    const files = run.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { file: string }).file);
    expect(files).toEqual(inside);
  }, 120_000);
});
