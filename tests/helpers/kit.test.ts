import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-'));
const missingKit = path.join(scratch, 'no-kit-here');
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A child process with only the kit location and CI that the test chooses; vitest's own variables are dropped. */
function run(args: string[], env: { kit: string; ci?: string }) {
  const childEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'CI' && k !== 'DISCLOSURE_KIT_DIR'));
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...childEnv, DISCLOSURE_KIT_DIR: env.kit, ...(env.ci === undefined ? {} : { CI: env.ci }) },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const askKit = (folder: string, env: { kit: string; ci?: string }) =>
  run(['--input-type=module', '-e', `const { requireKit } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'tests/helpers/kit.ts')).href)}); console.log('dir=' + requireKit(${JSON.stringify(folder)}));`], env);

describe('the kit beside the repository', () => {
  it('throws under CI=true when the kit folder is missing', () => {
    const { status, output } = askKit('samples', { kit: missingKit, ci: 'true' });
    expect(status).not.toBe(0);
    expect(output).toContain(`CI is set but the kit folder ${path.join(missingKit, 'samples')} is missing`);
  });

  it('throws under CI=true when the kit is there but the folder a test needs is empty', () => {
    fs.mkdirSync(path.join(scratch, 'kit', 'seeds'), { recursive: true });
    const { status, output } = askKit('seeds', { kit: path.join(scratch, 'kit'), ci: 'true' });
    expect(status).not.toBe(0);
    expect(output).toContain('is missing or empty');
  });

  it.each([undefined, 'false', '0'])('prints why it skips and returns null when CI is %s', (ci) => {
    const { status, output } = askKit('real-docs', { kit: missingKit, ci });
    expect(status).toBe(0);
    expect(output).toContain(`skipping the tests that read ${path.join(missingKit, 'real-docs')}`);
    expect(output).toContain('dir=null');
  });

  it('returns the folder when it holds files', () => {
    fs.mkdirSync(path.join(scratch, 'full', 'samples'), { recursive: true });
    fs.writeFileSync(path.join(scratch, 'full', 'samples', 'a.ofd'), '');
    const { status, output } = askKit('samples', { kit: path.join(scratch, 'full') });
    expect(status).toBe(0);
    expect(output.trim()).toBe(`dir=${path.join(scratch, 'full', 'samples')}`);
  });

  describe('a test file that reads the kit, run by vitest', () => {
    const vitest = (ci?: string) => run([path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/scanner/mentions.test.ts'], { kit: missingKit, ci });

    it('fails under CI=true when the kit is missing', () => {
      const { status, output } = vitest('true');
      expect(status).toBe(1);
      expect(output).toContain(`the kit folder ${path.join(missingKit, 'seeds')} is missing`);
    });

    it('passes without CI, printing why the seed tests did not run', () => {
      const { status, output } = vitest();
      expect(status).toBe(0);
      expect(output).toContain(`skipping the tests that read ${path.join(missingKit, 'seeds')}`);
    });
  });
});
