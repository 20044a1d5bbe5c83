import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closedNovember, openUnit, password, seedNovember } from './seed.ts';
import { tempDir } from '../records/helpers.ts';
import { runCli } from '../helpers/cli.ts';

const bin = path.resolve('electron/cli/bin.mjs');
let unitDb: string;
let officeDb: string;
let out: string;
let signerFingerprint: string;

const cli = (...args: string[]) => runCli(args, { DISCLOSURE_DESK_PASSWORD: password, TZ: process.env.TZ ?? 'UTC' });

beforeAll(() => {
  const unit = openUnit();
  closedNovember(unit, '西区民政局');
  unitDb = unit.file;
  unit.ctx.store.close();
  const office = openUnit();
  officeDb = office.file;
  office.ctx.store.close();
  out = tempDir();
});

describe('the inspection commands', () => {
  it('prints the annual figures as JSON', () => {
    const r = cli('report', '--year', '2025', '--json', '--db', unitDb);
    expect(r.code).toBe(0);
    const figures = JSON.parse(r.stdout);
    expect(figures.requests.received.total).toBe(6);
    expect(figures.decisions.madeMoreOpen).toBe(4);
  });

  it('registers a request and shows its deadline', () => {
    const r = cli('requests', 'add', '--as', 'reviewer', '--subject', '申请公开停车收费标准', '--received', '2025-09-25', '--applicant', 'commercial', '--db', unitDb);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('答复期限 2025-10-29');
    const bad = cli('requests', 'add', '--as', 'reviewer', '--subject', 'x', '--received', '2025-09-25', '--applicant', 'company', '--db', unitDb);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--applicant 的取值“company”无效');
  });

  it('refuses the exports to an admin before writing any of them: the bundle needs the signer', () => {
    const before = cli('audit', 'verify', '--json', '--db', unitDb);
    const r = cli('inspect', 'export', '--year', '2025', '--out', out, '--as', 'admin', '--db', unitDb);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('审签人');
    expect(fs.readdirSync(out)).toEqual([]);
    const after = cli('audit', 'verify', '--json', '--db', unitDb);
    expect(JSON.parse(after.stdout).entries).toBe(JSON.parse(before.stdout).entries + 1);
  });

  it('reports a closed inspection and writes the xlsx, docx, csv and signed bundle, with the signer\'s key fingerprint to pass on', () => {
    const status = cli('inspect', 'status', '--year', '2025', '--db', unitDb);
    expect(status.stdout).toContain('2025年度自查：已结束（已锁定）；已办结 7/7');
    const exported = cli('inspect', 'export', '--year', '2025', '--out', out, '--as', 'signer', '--db', unitDb);
    expect(exported.stderr).toBe('');
    expect(fs.readdirSync(out).sort()).toEqual(['2025年度自查台账.csv', '2025年度自查台账.xlsx', '2025年度自查情况报告.docx', '2025年度自查签名包.checkpoint.json', '2025年度自查签名包.json']);
    const bundle = JSON.parse(fs.readFileSync(path.join(out, '2025年度自查签名包.json'), 'utf8')) as { signer: { keyFingerprint: string } };
    signerFingerprint = /签名公钥指纹：([0-9A-F ]+)/.exec(exported.stdout)![1]!;
    expect(signerFingerprint.replace(/ /g, '').toLowerCase()).toBe(bundle.signer.keyFingerprint);
  });

  it('verifies a bundle with exit 0, and refuses a tampered one with exit 3 and the reason', () => {
    const file = path.join(out, '2025年度自查签名包.json');
    expect(cli('bundle', 'verify', file).code).toBe(0);
    const tampered = path.join(out, 'tampered.json');
    fs.writeFileSync(tampered, fs.readFileSync(file, 'utf8').replace('"西区民政局"', '"东区民政局"'));
    const r = cli('bundle', 'verify', tampered);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('签名与内容不符');
  });

  it('imports a first-seen unit only with its fingerprint, and tells refused (3), missing (1) and already imported (4) apart', () => {
    const bundle = path.join(out, '2025年度自查签名包.json');
    const unconfirmed = cli('bundle', 'import', bundle, '--as', 'reviewer', '--db', officeDb);
    expect(unconfirmed.code).toBe(3);
    expect(unconfirmed.stdout).toContain('尚未登记的单位“西区民政局”');
    expect(unconfirmed.stdout).toContain('--trust-new-key');

    expect(cli('bundle', 'import', bundle, '--as', 'reviewer', '--trust-new-key', '12 34', '--db', officeDb)).toMatchObject({ code: 2, stderr: expect.stringContaining('64 位十六进制') });

    const r = cli('bundle', 'import', bundle, '--as', 'reviewer', '--trust-new-key', signerFingerprint, '--db', officeDb);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已导入：已导入西区民政局2025年度自查结果。');

    const again = cli('bundle', 'import', bundle, '--as', 'reviewer', '--db', officeDb);
    expect(again.code).toBe(4);
    expect(again.stdout).toContain('此前已经导入');
    expect(cli('bundle', 'import', bundle, path.join(out, 'tampered.json'), '--as', 'reviewer', '--db', officeDb).code).toBe(3);
    const missing = cli('bundle', 'import', path.join(out, '没有这个文件.json'), '--as', 'reviewer', '--db', officeDb);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('找不到文件“没有这个文件.json”');

    const summary = cli('bundle', 'summary', '--year', '2025', '--json', '--db', officeDb);
    expect(JSON.parse(summary.stdout).totals).toMatchObject({ units: 1, items: 7, toProactive: 3 });
  });

  it('refuses a wrong year with usage exit 2', () => {
    const r = cli('inspect', 'status', '--year', '25', '--db', unitDb);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('年度“25”无效');
  });
});

describe('the guards, from the command line', () => {
  let openDb: string;
  beforeAll(() => {
    const unit = openUnit();
    seedNovember(unit);
    openDb = unit.file;
    unit.ctx.store.close();
  });

  it('refuses to open 1999 with the year and the allowed range, exit 1, leaving no inspection', () => {
    const thisYear = new Date().getFullYear();
    const r = cli('inspect', 'open', '--year', '1999', '--as', 'reviewer', '--db', openDb);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`不能开启1999年度自查：自查年度应在2008年（《政府信息公开条例》施行之年）至${thisYear}年（本年）之间`);
    expect(cli('inspect', 'status', '--year', '1999', '--db', openDb).stdout).toContain('1999年度自查：未开启');
    expect(cli('inspect', 'open', '--year', '2025', '--as', 'reviewer', '--db', openDb).code).toBe(0);
  });

  it('refuses `propose --all` over mixed outcomes unless --same-justification is given', () => {
    const mixed = cli('inspect', 'propose', '--year', '2025', '--all', '--justification', '经自查核实', '--as', 'drafter', '--db', openDb);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('所选7项的处理意见不同（');
    expect(mixed.stderr).toContain('维持原属性3项');
    expect(mixed.stderr).toContain('--same-justification');
    expect(cli('inspect', 'status', '--year', '2025', '--db', openDb).stdout).toContain('待处理 7');

    const confirmed = cli('inspect', 'propose', '--year', '2025', '--all', '--same-justification', '--justification', '经自查核实', '--as', 'drafter', '--db', openDb);
    expect(confirmed.stderr).toBe('');
    expect(confirmed.code).toBe(0);
  });

  it('sets the unit name for an admin only, recorded in the audit log that verify replays', () => {
    const reviewer = cli('settings', 'set', 'unit-name', '东区民政局', '--as', 'reviewer', '--db', openDb);
    expect(reviewer.code).toBe(1);
    expect(cli('settings', 'set', 'unit-name', '--as', 'admin', '--db', openDb).code).toBe(2);
    expect(cli('settings', 'set', 'colour', 'red', '--as', 'admin', '--db', openDb)).toMatchObject({ code: 2, stderr: expect.stringContaining('unit-name') });

    const r = cli('settings', 'set', 'unit-name', '东区民政局', '--as', 'admin', '--db', openDb);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('单位名称已设为“东区民政局”');
    const verify = cli('audit', 'verify', '--json', '--db', openDb);
    expect(verify.code).toBe(0);
    expect(cli('settings', '--help').stdout).toContain('settings set unit-name');
  });
});
