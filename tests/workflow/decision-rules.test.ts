import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { approveDecision, saveDecision, signDecision, submitDecision } from '../../electron/core/workflow/decisions.ts';
import { documentDetail, loadDocument } from '../../electron/core/register/documents.ts';
import { unpackDocument, type Disposition } from '../../shared/ipc/records.ts';
import { attributes } from '../../shared/attributes.ts';
import { defaultHighScoreThreshold, startingRedactions } from '../../shared/decision-rules.ts';
import { decisionProblems, toInput, type DecisionFields } from '../../renderer/src/workspace/decision.ts';
import type { Attribute, Finding } from '../../shared/types.ts';
import type { Context } from '../../electron/core/kernel/context.ts';
import { extracted, finding, makeTeam, openTestRecords, password, sampleText, type Team } from '../records/helpers.ts';

/** 公开方式 as ticked: none, the website, or `other` left blank or written out; they count only under 主动公开 and 部分公开. */
type Channels = 'none' | 'website' | 'other-blank' | 'other-written';

/** What the officer did with a finding in the workspace; `redact` ticks its span, which counts only under 部分公开. */
type Handling = 'open' | 'confirm' | 'dismiss' | 'redact';

interface Case {
  attribute: Attribute;
  suggested: Attribute;
  high: Handling;
  low: Exclude<Handling, 'open' | 'redact'>;
  classified: boolean;
  reasoned: boolean;
  justified: boolean;
  supersedes: boolean;
  channels: Channels;
}

const keys = attributes.map((a) => a.key);
const all: Case[] = [];
for (const attribute of keys)
  for (const suggested of keys)
    for (const high of ['open', 'confirm', 'dismiss', 'redact'] as const)
      for (const low of ['confirm', 'dismiss'] as const)
        for (const classified of [false, true])
          for (const reasoned of [false, true])
            for (const justified of [false, true])
              for (const supersedes of [false, true])
                for (const channels of ['none', 'website', 'other-blank', 'other-written'] as const) all.push({ attribute, suggested, high, low, classified, reasoned, justified, supersedes, channels });

/** Every case costs a few commits: a fixed sample of a quarter of the space, with each attribute and 公开方式 pair kept in it, keeps the run short. */
const cases: Case[] = [];
{
  let x = 0x2545f491;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
  for (const c of all) if (next() < 0.25) cases.push(c);
}

const label = (c: Case) =>
  `${c.attribute} (suggested ${c.suggested}), high-score finding ${c.high}, low-score ${c.low}${c.classified ? ', classified' : ''}${c.reasoned ? ', with reason and basis' : ''}${c.justified ? ', justified' : ''}${c.supersedes ? ', superseding a signed decision' : ''}, channels ${c.channels}`;

/** A draft with a high-score ID number, a low-score name and a normative mention that needs nothing. */
function load(ctx: Context, team: Team, c: Case, n: number) {
  const text = `${sampleText}\n涉及个人隐私的除外。\n（第 ${n} 件）`;
  const findings: Finding[] = [
    finding(text, '110101199003071234'),
    finding(text, '张三', { rule: 'pii.name', piiType: 'name', score: 0.4 }),
    finding(text, '个人隐私', { rule: 'term.privacy', kind: 'term', piiType: null, score: 0.2, negated: true }),
  ];
  const meta = c.classified ? { classification: { level: '机密' as const, period: '5年', raw: '机密★5年' } } : {};
  const suggestion = { attribute: c.suggested, reasons: [], basis: ['条例第十五条'], redactions: [], warnings: [] };
  const { documentId } = loadDocument(ctx, team.drafter, extracted(text, meta, `draft-${n}.txt`), { findings, suggestion, lexiconVersion: 'test' });
  return { documentId, high: findings[0]!, low: findings[1]! };
}

/** A signed 不予公开 the case then replaces. */
function signFirst(ctx: Context, team: Team, documentId: number, ids: string[]) {
  const d = saveDecision(ctx, team.drafter, {
    documentId,
    attribute: 'withheld',
    reason: '含个人隐私',
    basis: ['条例第十五条'],
    basisText: '',
    justification: '首次认定',
    dispositions: ids.map((findingId) => ({ findingId, action: 'confirm', reason: '' })),
    redactions: [],
  });
  submitDecision(ctx, team.drafter, d.id);
  approveDecision(ctx, team.reviewer, d.id, null);
  signDecision(ctx, team.signer, d.id, password);
}

/** The form as the officer leaves it in the workspace. */
function workspaceState(c: Case, high: Finding, low: Finding): { fields: DecisionFields; dispositions: Record<string, Disposition> } {
  const dispositions: Record<string, Disposition> = {};
  const handle = (f: Finding, how: Handling) => {
    if (how === 'confirm') dispositions[f.id] = { findingId: f.id, action: 'confirm', reason: '' };
    if (how === 'dismiss') dispositions[f.id] = { findingId: f.id, action: 'dismiss', reason: '误报' };
  };
  handle(high, c.high);
  handle(low, c.low);
  const fields: DecisionFields = {
    attribute: c.attribute,
    reason: c.reasoned ? '含当事人身份证号，属个人隐私' : '',
    basis: c.reasoned ? ['条例第十五条'] : [],
    basisText: '',
    justification: c.justified ? '经核实' : '',
    // Under another attribute the workspace sets ticked spans aside.
    redactions: c.high === 'redact' && c.attribute === 'partial' ? startingRedactions({ redactions: [], basis: [] }, [high]) : [],
    channels: c.channels === 'none' ? [] : c.channels === 'website' ? ['website'] : ['other'],
    channelText: c.channels === 'other-written' ? '新闻发布会' : '',
  };
  return { fields, dispositions };
}

function coreAccepts(ctx: Context, team: Team, input: ReturnType<typeof toInput>): { ok: true } | { ok: false; code: string } {
  try {
    const d = saveDecision(ctx, team.drafter, input);
    submitDecision(ctx, team.drafter, d.id);
    return { ok: true };
  } catch (error) {
    return { ok: false, code: (error as { code: string }).code };
  }
}

/** Thousands of commits: a record in memory-backed storage where there is one, so fsync costs nothing. */
function quickRecords(): { ctx: Context; dir: string } {
  const dir = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'dd-rules-'));
  return { ctx: openTestRecords(path.join(dir, 'test.sqlite')), dir };
}

describe('decision rules: the workspace says complete exactly when core accepts the submission', () => {
  it(`agrees on all ${cases.length} generated cases`, () => {
    const { ctx, dir } = quickRecords();
    const team = makeTeam(ctx);
    const disagreements: string[] = [];
    let accepted = 0;
    cases.forEach((c, n) => {
      const { documentId, high, low } = load(ctx, team, c, n);
      if (c.supersedes) signFirst(ctx, team, documentId, [high.id, low.id]);
      const detail = unpackDocument(documentDetail(ctx, team.drafter, documentId));
      const { fields, dispositions } = workspaceState(c, high, low);
      const problems = decisionProblems(fields, dispositions, detail, c.supersedes, defaultHighScoreThreshold);
      const core = coreAccepts(ctx, team, toInput(documentId, fields, dispositions));
      if (core.ok) accepted++;
      if ((problems.length === 0) !== core.ok) disagreements.push(`${label(c)}: workspace ${problems.length === 0 ? 'complete' : problems.join('；')}, core ${core.ok ? 'accepts' : core.code}`);
      else if (!core.ok) expect(['incomplete', 'no-text'], label(c)).toContain(core.code);
    });
    expect(disagreements).toEqual([]);
    expect(new Set(cases.map((c) => `${c.attribute}/${c.channels}`)).size).toBe(keys.length * 4);
    // Both outcomes occur often enough for the agreement to mean something.
    expect(accepted).toBeGreaterThan(cases.length / 20);
    expect(accepted).toBeLessThan(cases.length / 2);
    ctx.store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 600_000);
});

describe('decision rules: when a justification is needed', () => {
  const ctx = openTestRecords();
  const team = makeTeam(ctx);
  let n = 10_000;
  const needsOf = (c: Partial<Case>) => {
    const full: Case = { attribute: 'partial', suggested: 'partial', high: 'redact', low: 'confirm', classified: false, reasoned: true, justified: false, supersedes: false, channels: 'website', ...c };
    const { documentId, high, low } = load(ctx, team, full, n++);
    const { fields, dispositions } = workspaceState(full, high, low);
    return saveDecision(ctx, team.drafter, toInput(documentId, fields, dispositions)).justificationNeeded.map((x) => x.kind);
  };

  it('asks none for a choice more open than the suggestion: public is the rule, only restriction must be explained', () => {
    expect(needsOf({ attribute: 'proactive', suggested: 'withheld', high: 'confirm' })).toEqual([]);
    expect(needsOf({ attribute: 'partial', suggested: 'on-request' })).toEqual([]);
  });

  it('asks one for a less open choice, a dismissed high-score finding, and a classified draft not withheld', () => {
    expect(needsOf({ attribute: 'withheld', suggested: 'proactive', high: 'confirm' })).toEqual(['less-open']);
    expect(needsOf({ attribute: 'proactive', suggested: 'proactive', high: 'dismiss' })).toEqual(['high-score-dismissed']);
    expect(needsOf({ attribute: 'on-request', suggested: 'withheld', high: 'confirm', classified: true })).toEqual(['classified']);
  });
});

describe('decision rules: the starting redactions', () => {
  const text = '来信人：李四，电话13912345678，反映噪声问题。\n处理结果：已责令整改。';
  const phone = finding(text, '13912345678', { rule: 'pii.mobile', piiType: 'mobile' });
  const person = finding(text, '李四', { rule: 'pii.name', piiType: 'name', score: 0.5 });
  const sentence = { start: 0, end: text.indexOf('\n') };

  it('ties every finding inside a proposed span to a redaction that cites its own article', () => {
    const spans = startingRedactions({ redactions: [sentence], basis: ['条例第三十七条'] }, [person, phone]);
    expect(spans).toEqual([
      { ...sentence, basis: '条例第十五条', findingId: person.id },
      { start: phone.start, end: phone.end, basis: '条例第十五条', findingId: phone.id },
    ]);
  });

  it('starts from every personal-data finding when the scanner proposed no span', () => {
    expect(startingRedactions({ redactions: [], basis: [] }, [person, phone]).map((r) => r.findingId)).toEqual([person.id, phone.id]);
  });
});
