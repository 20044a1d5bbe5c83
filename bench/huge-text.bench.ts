// Huge plain text (issue 16): loading an ordinary Chinese .txt near the plain-text limit, and a 60 MB one that
// is refused. Each load is the real path of `disclosure-desk load`: hash, read and scan in the intake worker, store.
// Smallest peak first, since peak RSS only grows. Prints wall time, peak RSS of the whole process (workers are threads of it) and the stored row beside the file
// size, with the ratios the issue sets: peak ≤ 10× the file, a load ≤ 10 s, the row ≤ 2× the text.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openRecords } from '../electron/core/ledger/open.ts';
import { importFile } from '../electron/core/register/import-jobs.ts';
import { MB, plainTextMaxBytes } from '../shared/intake-limits.ts';
import { closeIntake, testAnalyzer } from '../tests/helpers/intake.ts';
import { makeTeam } from '../tests/records/helpers.ts';

const TARGET_PEAK_RATIO = 10;
const TARGET_LOAD_MS = 10_000;
const TARGET_ROW_RATIO = 2;

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** Written by another process: building 60 MB of text here would set this process's peak before any load. */
function writeText(file: string, bytes: number): void {
  const generator = new URL('../tests/helpers/chinese-text.ts', import.meta.url).href;
  const script = `import { writeFileSync } from 'node:fs'; import { hugeChineseText } from ${JSON.stringify(generator)}; writeFileSync(process.argv[1], hugeChineseText(${bytes}, ${bytes}));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script, file], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`could not write ${file}`);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huge-text-bench-'));
  const dbFile = path.join(dir, 'log.sqlite');
  const ctx = openRecords(dbFile);
  const team = makeTeam(ctx);
  const analyzer = testAnalyzer({ limits: { timeoutMs: 600_000 } });
  try {
    // Start the worker and load the lexicon on a small file, so the figures below are the text's own.
    const warm = path.join(dir, 'warm.txt');
    writeText(warm, 4096);
    await importFile(ctx, team.drafter, analyzer, warm);
    console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; baseline peak RSS ${peakRssMb().toFixed(0)} MB (records open, worker and scanner loaded)`);

    for (const [label, bytes] of [['60 MB text', 60 * MB], ['8 MB text', 8 * MB], ['text just under the limit', plainTextMaxBytes - 64 * 1024]] as const) {
      const file = path.join(dir, `${label}.txt`);
      writeText(file, bytes);
      const size = fs.statSync(file).size;
      const start = performance.now();
      const result = await importFile(ctx, team.drafter, analyzer, file);
      const ms = performance.now() - start;
      const peak = peakRssMb();
      const head = `${label} (${(size / MB).toFixed(1)} MB): ${ms.toFixed(0)} ms (${(ms / TARGET_LOAD_MS).toFixed(2)}× the ${TARGET_LOAD_MS / 1000} s target), peak RSS ${peak.toFixed(0)} MB = ${(peak / (size / MB)).toFixed(1)}× the file (target ${TARGET_PEAK_RATIO}×)`;
      if (!result.ok) {
        console.log(`${head}; refused: ${result.message}`);
        continue;
      }
      const db = new Database(dbFile, { readonly: true });
      const row = db
        .prepare('SELECT length(CAST(text AS BLOB)) + length(CAST(paragraphs AS BLOB)) + length(CAST(findings AS BLOB)) + length(CAST(suggestion AS BLOB)) FROM document_content WHERE documentId = ?')
        .pluck()
        .get(result.outcome.documentId) as number;
      db.close();
      console.log(`${head}; stored row ${(row / MB).toFixed(1)} MB = ${(row / size).toFixed(2)}× the text (target ≤ ${TARGET_ROW_RATIO}×)`);
    }
    const files = fs.readdirSync(dir).filter((f) => f.startsWith('log.sqlite'));
    console.log(`database files after the loads: ${(files.reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0) / MB).toFixed(1)} MB (row, trigram and short-term search indexes, audit log)`);
  } finally {
    await closeIntake();
    ctx.store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
