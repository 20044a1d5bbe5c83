// `npm run bench`: the side-by-side comparison (compare.bench.ts), the figures issue 16 asks for in one run.
// `npm run bench -- all` runs every bench/*.bench.ts; `npm run bench -- scanner intake` runs those named.
// Each bench runs in its own process so peak memory figures stay honest.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const args = process.argv.slice(2);
const only = args.length === 0 ? ['compare'] : args;
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.includes('all') || only.some((o) => f.startsWith(o)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n### ${file}`);
  const result = spawnSync(process.execPath, ['--expose-gc', path.join(dir, file)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`!!! ${file} exited with ${result.status}`);
  }
}
process.exitCode = failed ? 1 : 0;
