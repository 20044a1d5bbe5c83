// Figures on the real published documents in ../shared/real-docs against tests/realdocs/expectations.tsv.
// Run: node scripts/realdocs-report.ts [file-prefix …] [--json]
//   file-prefix  only the documents whose names start with it (e.g. 028 15), for a quick re-run
//   --json       one JSON line per document instead of the report
import fs from 'node:fs';
import os from 'node:os';
import { closeIntake } from '../tests/helpers/intake.ts';
import type { Finding } from '../shared/types.ts';
import { figures, findingContext, judge, readExpectations, realDocsDir, runCorpus, type Outcome, type Ratio, type Verdict } from '../tests/realdocs/corpus.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const prefixes = args.filter((a) => !a.startsWith('--'));

if (!fs.existsSync(realDocsDir)) {
  console.error(`missing ${realDocsDir}: nothing to measure`);
  process.exit(2);
}

const expectations = readExpectations().filter((e) => prefixes.length === 0 || prefixes.some((p) => e.file.startsWith(p)));
const started = performance.now();
const cpuBefore = process.cpuUsage();
const outcomes = await runCorpus(expectations.map((e) => e.file));
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const scanSeconds = outcomes.reduce((sum, o) => sum + o.scanMs, 0) / 1000;
await closeIntake();
const verdicts = expectations.map((e, i) => judge(e, outcomes[i]!));

const shortFinding = (f: Finding) => ({ category: f.category, term: f.term, rule: f.rule, kind: f.kind, piiType: f.piiType, score: f.score });

if (json) {
  for (const v of verdicts) {
    const { intake, scan } = v.outcome;
    console.log(JSON.stringify({
      file: v.expectation.file,
      read: intake.ok,
      error: intake.ok ? null : intake.error,
      attribute: v.attribute,
      allowed: v.expectation.attributes,
      reasons: scan?.suggestion.reasons ?? [],
      falseFindings: v.falseFindings.map(shortFinding),
      findings: scan ? scan.findings.filter((f) => !f.negated).map(shortFinding) : [],
      title: v.title, docNumber: v.docNumber, date: v.date,
    }));
  }
  process.exit(0);
}

const pct = (r: Ratio) => (r.of === 0 ? 'n/a' : `${r.right}/${r.of} = ${(r.right / r.of).toFixed(3)}`);
const f = figures(verdicts);
const byScore = (a: Finding, b: Finding) => b.score - a.score || a.start - b.start;
const describe = (o: Outcome, x: Finding) => `${x.kind === 'pii' ? `pii:${x.piiType}` : `cat ${x.category}`} ${x.term} (${x.rule}, ${x.score.toFixed(2)}) ${findingContext(o, x)}`;
const out: string[] = [];
const line = (s = '') => out.push(s);

line(`real documents: ${f.files} files from ${realDocsDir}`);
line(`intake + scan: ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU over all threads (scanning ${scanSeconds.toFixed(1)} s of it on the main thread; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores)`);
line();
line(`files read ${f.read}, files erroring ${f.errors}; read or refused as expected ${pct(f.readAsExpected)}; refusals naming the format ${pct(f.errorsNamingFormat)}`);
line(`attribute accuracy            ${pct(f.attribute)}   (target >= 0.95)`);
line(`non-negated findings on normative documents: ${f.falseFindings} on ${f.normativeDocumentsWithFalseFindings.length} of ${f.normativeDocuments} documents   (target 0)`);
line(`title                         ${pct(f.title)}   (target >= 0.95)`);
line(`发文字号 (doc number)          ${pct(f.docNumber)}   (target >= 0.95)`);
line(`成文日期 (date)                ${pct(f.date)}   (target >= 0.95)`);

const reading = verdicts.filter((v) => !v.readAsExpected || v.errorNamesFormat === false);
if (reading.length) {
  line();
  line('== reading misses (file: expected → got)');
  for (const v of reading) {
    const { intake } = v.outcome;
    const want = v.expectation.outcome === 'read' ? 'read' : `error naming .${v.expectation.outcome.error}`;
    line(`  ${v.expectation.file}: ${want} → ${intake.ok ? `read as ${intake.document.format}` : `${intake.error.code}: ${intake.error.message}`}`);
  }
}

const attributeMisses = verdicts.filter((v) => v.attributeOk === false);
if (attributeMisses.length) {
  line();
  line('== attribute misses (suggested, allowed) and the top findings that drove them');
  for (const v of attributeMisses) {
    const { scan } = v.outcome;
    line(`  ${v.expectation.file}  suggested ${v.attribute ?? '(not read)'}, allowed ${v.expectation.attributes.join('/')}${v.expectation.normative ? ', normative' : ''}`);
    if (v.expectation.knownMiss) line(`    known disagreement: ${v.expectation.knownMiss}`);
    if (!scan) continue;
    if (scan.suggestion.reasons.length) line(`    reasons: ${scan.suggestion.reasons.join('；')}`);
    for (const x of scan.findings.filter((x) => !x.negated).sort(byScore).slice(0, 5)) line(`    ${describe(v.outcome, x)}`);
  }
}

const withFalse = verdicts.filter((v) => v.falseFindings.length > 0);
if (withFalse.length) {
  line();
  line('== non-negated findings on normative documents (top 5 each)');
  for (const v of withFalse) {
    line(`  ${v.expectation.file}  ${v.falseFindings.length} finding(s), suggested ${v.attribute}`);
    for (const x of [...v.falseFindings].sort(byScore).slice(0, 5)) line(`    ${describe(v.outcome, x)}`);
  }
  const terms = new Map<string, { count: number; files: Set<string> }>();
  for (const v of withFalse) {
    for (const x of v.falseFindings) {
      const key = `${x.kind === 'pii' ? `pii:${x.piiType}` : `cat ${x.category}`} ${x.term} (${x.rule})`;
      const t = terms.get(key) ?? { count: 0, files: new Set<string>() };
      t.count++;
      t.files.add(v.expectation.file);
      terms.set(key, t);
    }
  }
  line();
  line('== terms behind those findings (count, documents)');
  for (const [key, t] of [...terms].sort((a, b) => b[1].files.size - a[1].files.size || b[1].count - a[1].count).slice(0, 30)) line(`  ${String(t.count).padStart(4)} ${String(t.files.size).padStart(3)}  ${key}`);
}

const metadataMisses = verdicts.flatMap((v: Verdict) =>
  ([['title', v.title], ['发文字号', v.docNumber], ['成文日期', v.date]] as const).flatMap(([name, c]) => (c && !c.ok ? [{ file: v.expectation.file, name, c }] : [])),
);
if (metadataMisses.length) {
  line();
  line('== metadata misses (field: expected | got)');
  for (const m of metadataMisses) line(`  ${m.file}  ${m.name}: ${m.c.expected} | ${m.c.got ?? '(none)'}`);
}

const published = verdicts.filter((v) => v.publishedPiiFindings.length > 0);
if (published.length) {
  line();
  line('== personal data the published copies print, found (correct; not counted above)');
  for (const v of published) line(`  ${v.expectation.file}  ${v.publishedPiiFindings.length} (${[...new Set(v.publishedPiiFindings.map((x) => x.piiType))].join(', ')})`);
}

console.log(out.join('\n'));
