import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeIntake, testAnalyzer } from '../helpers/intake.ts';
import { listDocuments } from '../../electron/core/register/documents.ts';
import { importJobs } from '../../electron/core/register/import-jobs.ts';
import { writeSettings } from '../../electron/core/workflow/settings.ts';
import { gbkBytes, lieAboutZipSizes, makeDocx, makeOfd, makePdf, makeZip, oleBytes } from '../helpers/fixtures.ts';
import { loadSample, makeTeam, openTestRecords, tempDir } from '../records/helpers.ts';
import { slowPdf } from './hostile.ts';

afterAll(() => closeIntake());

describe('batch import of a folder with hostile files', () => {
  it('registers every good file, gives each bad one its own error, and loses nothing already saved', async () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const saved = loadSample(ctx, team.drafter).outcome.documentId;
    writeSettings(ctx.store, { limits: { maxBytes: 100 * 1024 * 1024, maxExpandedBytes: 4 * 1024 * 1024, timeoutMs: 4000 } });

    const dir = tempDir();
    const write = (name: string, bytes: Uint8Array | string) => fs.writeFileSync(path.join(dir, name), bytes);
    const bomb = makeZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': new Uint8Array(16 * 1024 * 1024), 'word/_rels/document.xml.rels': '<Relationships/>' });
    write('a-炸弹.docx', lieAboutZipSizes(bomb, 100));
    write('b-超时.pdf', slowPdf(30_000_000));
    const corrupt = await makePdf([['正文']]);
    write('c-损坏.pdf', corrupt.slice(0, 300));
    write('d-通知.docx', await makeDocx([{ title: '关于开展植树活动的通知' }, '各单位：请积极参加。']));
    write('e-报告.pdf', await makePdf([['关于二〇二四年工作情况的报告', '今年以来，我局认真贯彻落实各项部署。']]));
    write('f-公告.ofd', makeOfd([['关于调整办公时间的公告', '自即日起，办公时间调整如下。']]));
    write('g-说明.txt', '关于某项工作的说明\n现将有关情况说明如下。\n');
    write('h-旧稿.txt', gbkBytes('关于加强档案管理的意见\n各科室：请遵照执行。\n'));

    const jobs = importJobs(ctx, testAnalyzer());
    const { jobId } = jobs.start(team.drafter, [dir]);
    let status = jobs.status(team.drafter, jobId);
    while (!status.finished) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = jobs.status(team.drafter, jobId);
    }

    expect(status).toMatchObject({ total: 8, done: 8, cancelled: false });
    expect(status.errors.map((e) => [e.file, e.code])).toEqual([
      ['a-炸弹.docx', 'too-large'],
      ['b-超时.pdf', 'timeout'],
      ['c-损坏.pdf', 'corrupt'],
    ]);
    for (const error of status.errors) expect(error.message).toContain(error.file);
    expect(status.documentIds).toHaveLength(5);
    const listed = listDocuments(ctx, {}).rows.map((d) => d.id);
    expect(listed).toEqual(expect.arrayContaining([saved, ...status.documentIds]));
    expect(listed).toHaveLength(6);
  }, 120_000);

  it('gives every file of a folder a line: an old .xls or .doc and a picture each get an error naming the format', async () => {
    const ctx = openTestRecords();
    const team = makeTeam(ctx);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a-名单.xls'), oleBytes('Workbook'));
    fs.writeFileSync(path.join(dir, 'b-通知.doc'), oleBytes('WordDocument'));
    fs.writeFileSync(path.join(dir, 'c-扫描.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    fs.writeFileSync(path.join(dir, 'd-说明.txt'), '关于某项工作的说明\n现将有关情况说明如下。\n');
    const jobs = importJobs(ctx, testAnalyzer());
    const { jobId } = jobs.start(team.drafter, [dir]);
    let status = jobs.status(team.drafter, jobId);
    while (!status.finished) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = jobs.status(team.drafter, jobId);
    }
    expect(status).toMatchObject({ total: 4, done: 4 });
    expect(status.errors.map((e) => [e.file, e.code])).toEqual([
      ['a-名单.xls', 'unsupported'],
      ['b-通知.doc', 'unsupported'],
      ['c-扫描.png', 'unsupported'],
    ]);
    expect(status.errors.map((e) => e.message)).toEqual([expect.stringContaining('（.xls）'), expect.stringContaining('（.doc）'), expect.stringContaining('c-扫描.png')]);
    expect(status.documentIds).toHaveLength(1);
  }, 60_000);
});
