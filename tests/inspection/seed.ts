import path from 'node:path';
import { openRecords } from '../../electron/core/ledger/open.ts';
import { loadDocument } from '../../electron/core/register/documents.ts';
import { approveDecision, saveDecision, signDecision, submitDecision } from '../../electron/core/workflow/decisions.ts';
import type { Actor, Context } from '../../electron/core/kernel/context.ts';
import { addRequest, answerRequest } from '../../electron/core/requests/register.ts';
import { closeInspection, openInspection, proposeOutcomes, worklist } from '../../electron/core/inspection/lifecycle.ts';
import { writeInspectionConfig } from '../../electron/core/inspection/config.ts';
import type { Attribute, CategoryId, Finding } from '../../shared/types.ts';
import type { ApplicantType, RequestOutcome } from '../../shared/ipc/inspection.ts';
import { extracted, finding, makeTeam, password, scanned, tempDir, testCost, type Team } from '../records/helpers.ts';

export { password };

/** A record whose clock the test sets: decisions and requests land in the year the test wants. */
export interface Unit {
  ctx: Context;
  team: Team;
  at(iso: string): void;
  file: string;
}

export function openUnit(dir = tempDir()): Unit {
  let clock = '2024-01-02T04:00:00.000Z';
  const file = path.join(dir, 'unit.sqlite');
  const ctx = openRecords(file, { cost: testCost, now: () => clock });
  const team = makeTeam(ctx);
  return { ctx, team, file, at: (iso) => void (clock = iso.length === 10 ? `${iso}T04:00:00.000Z` : iso) };
}

export interface SeedDoc {
  key: string;
  text: string;
  title: string;
  date: string | null;
  classification?: { level: '绝密' | '机密' | '秘密'; period: string | null };
  /** Finding term and its category: confirmed by a withholding decision. */
  concern?: { term: string; category: CategoryId; basis: string; pii?: boolean };
  /** 附件说明 as the metadata reader gives them. */
  attachments?: string[];
}

export function loadSeed(unit: Unit, d: SeedDoc): { documentId: number; sha256: string; findings: Finding[] } {
  const { ctx, team } = unit;
  const c = d.classification;
  const doc = extracted(d.text, {
    title: d.title,
    docNumber: `测政发〔${d.date?.slice(0, 4) ?? '2024'}〕${d.key.charCodeAt(0)}号`,
    date: d.date,
    classification: c ? { level: c.level, period: c.period, raw: `${c.level}★${c.period ?? ''}` } : null,
    ...(d.attachments ? { attachments: d.attachments } : {}),
  }, `${d.key}.txt`);
  const findings = d.concern
    ? [
        finding(d.text, d.concern.term, {
          category: d.concern.category,
          kind: d.concern.pii ? 'pii' : 'term',
          piiType: d.concern.pii ? 'id-card' : null,
          rule: d.concern.pii ? 'pii.id-card' : `term.${d.concern.category}`,
          basis: [d.concern.basis],
        }),
      ]
    : [];
  const outcome = loadDocument(ctx, team.drafter, doc, scanned(findings));
  return { documentId: outcome.documentId, sha256: outcome.sha256, findings };
}

/** Drafts, submits, reviews and signs a decision at the unit's current clock. */
export function decide(unit: Unit, documentId: number, attribute: Attribute, findings: Finding[], basis: string[], options: { sign?: boolean } = {}): number {
  const { ctx, team } = unit;
  const view = saveDecision(ctx, team.drafter, {
    documentId,
    attribute,
    reason: attribute === 'proactive' ? '' : '依法说明的理由',
    basis,
    basisText: '',
    justification: '经审查认定',
    dispositions: findings.map((f) => ({ findingId: f.id, action: attribute === 'partial' ? 'redact' : attribute === 'proactive' ? 'dismiss' : 'confirm', reason: '核实' })),
    redactions: [],
    channels: attribute === 'proactive' || attribute === 'partial' ? ['website', 'gazette'] : [],
  });
  if (options.sign === false) return view.id;
  return signThrough(unit, view.id);
}

/** Takes a drafted decision through submit, review when required, and sign-off. */
export function signThrough(unit: Unit, decisionId: number, drafter: Actor = unit.team.drafter): number {
  const { ctx, team } = unit;
  const submitted = ctx.store.decisions.get(decisionId)!.state === 'submitted' ? null : submitDecision(ctx, drafter, decisionId);
  if ((submitted ?? ctx.store.decisions.get(decisionId)!).reviewRequired) approveDecision(ctx, team.reviewer, decisionId, null);
  signDecision(ctx, team.signer, decisionId, password);
  return decisionId;
}

export function request(unit: Unit, documentId: number | null, receivedOn: string, applicantType: ApplicantType = 'natural-person', answer?: { outcome: RequestOutcome; on: string }): number {
  unit.at(receivedOn);
  const r = addRequest(unit.ctx, unit.team.reviewer, { documentId, subject: '申请公开相关文件', applicantType, channel: 'online', receivedOn });
  if (answer) {
    unit.at(answer.on);
    answerRequest(unit.ctx, unit.team.reviewer, { requestId: r.id, outcome: answer.outcome, answeredOn: answer.on, ...(answer.outcome === 'granted' ? {} : { basis: '条例第三十六条', reason: '依法答复的理由' }) });
  }
  return r.id;
}

/**
 * The November-2025 fixture: one document per worklist rule, and one beside each rule that it must leave out.
 * Keys: A internal withheld, B classified with lapsed period, C classified 长期, D privacy only, E partial,
 * F on-request asked 3 times in 2025, G asked once in 2025 (twice in 2024), H process information from 2024,
 * I recent process information, J proactive, K withheld but never signed.
 */
export function seedNovember(unit: Unit) {
  const docs: SeedDoc[] = [
    { key: 'A', title: '关于调整机关考勤制度的通知', text: '关于调整机关考勤制度的通知\n机关考勤安排如下。', date: '2025-02-10', concern: { term: '考勤', category: 3, basis: '条例第十六条第一款' } },
    { key: 'B', title: '关于某项工作的秘密通知', text: '关于某项工作的秘密通知\n秘密事项说明。', date: '2023-06-01', classification: { level: '秘密', period: '1年' }, concern: { term: '秘密事项', category: 1, basis: '条例第十四条' } },
    { key: 'C', title: '关于长期保密事项的通知', text: '关于长期保密事项的通知\n机密事项说明。', date: '2020-05-01', classification: { level: '机密', period: '长期' }, concern: { term: '机密事项', category: 1, basis: '条例第十四条' } },
    { key: 'D', title: '关于李四补助发放的决定', text: '关于李四补助发放的决定\n李四，身份证号110101199003071234。', date: '2025-04-01', concern: { term: '110101199003071234', category: 1, basis: '条例第十五条', pii: true } },
    { key: 'E', title: '关于王五行政处罚的决定', text: '关于王五行政处罚的决定\n王五，身份证号110101199003071234，罚款。', date: '2025-05-01', concern: { term: '110101199003071234', category: 1, basis: '条例第十五条', pii: true } },
    { key: 'F', title: '关于城区停车收费标准的批复', text: '关于城区停车收费标准的批复\n收费标准如下。', date: '2025-01-15' },
    { key: 'G', title: '关于公园开放时间的批复', text: '关于公园开放时间的批复\n开放时间如下。', date: '2024-03-15' },
    { key: 'H', title: '关于规划调整的征求意见稿', text: '关于规划调整的征求意见稿\n征求意见稿正文。', date: '2024-01-10', concern: { term: '征求意见稿正文', category: 2, basis: '条例第十六条第二款' } },
    { key: 'I', title: '关于道路改造的讨论稿', text: '关于道路改造的讨论稿\n讨论稿正文。', date: '2025-06-20', concern: { term: '讨论稿正文', category: 2, basis: '条例第十六条第二款' } },
    { key: 'J', title: '关于春节放假的通知', text: '关于春节放假的通知\n放假安排如下。', date: '2025-01-05' },
    { key: 'K', title: '关于内部后勤的请示', text: '关于内部后勤的请示\n后勤安排。', date: '2025-03-01', concern: { term: '后勤安排', category: 3, basis: '条例第十六条第一款' } },
  ];
  const attributes: Record<string, Attribute> = { A: 'withheld', B: 'withheld', C: 'withheld', D: 'withheld', E: 'partial', F: 'on-request', G: 'on-request', H: 'on-request', I: 'on-request', J: 'proactive', K: 'withheld' };
  const ids: Record<string, number> = {};
  const decisions: Record<string, number> = {};
  unit.at('2025-07-01');
  for (const d of docs) {
    const loaded = loadSeed(unit, d);
    ids[d.key] = loaded.documentId;
    const basis = d.concern ? [d.concern.basis] : attributes[d.key] === 'on-request' ? ['条例第二十七条'] : [];
    decisions[d.key] = decide(unit, loaded.documentId, attributes[d.key]!, loaded.findings, basis, { sign: d.key !== 'K' });
  }
  request(unit, ids.G!, '2024-05-06');
  request(unit, ids.G!, '2024-06-03', 'commercial');
  request(unit, ids.G!, '2025-03-03');
  request(unit, ids.F!, '2025-02-03', 'natural-person', { outcome: 'granted', on: '2025-02-20' });
  request(unit, ids.F!, '2025-03-10', 'commercial', { outcome: 'granted', on: '2025-04-30' });
  request(unit, ids.F!, '2025-09-01', 'other-org');
  request(unit, ids.J!, '2025-04-01');
  request(unit, ids.J!, '2025-04-02');
  unit.at('2025-11-14');
  return { ids, decisions };
}

/** The November fixture taken to the end: every suggestion proposed, signed, and the inspection closed. */
export function closedNovember(unit: Unit, unitName = '测试市测试局') {
  const seeded = seedNovember(unit);
  writeInspectionConfig(unit.ctx, unit.team.admin, { unitName, reportTo: '测试市人民政府办公室' });
  openInspection(unit.ctx, unit.team.reviewer, 2025);
  const all = worklist(unit.ctx, { year: 2025, limit: 1000 }).items.map((i) => i.documentId);
  const result = proposeOutcomes(unit.ctx, unit.team.drafter, { year: 2025, documentIds: all, justification: '经自查核实', sameJustification: true });
  for (const p of result.proposed) signThrough(unit, p.decisionId);
  unit.at('2025-11-28');
  closeInspection(unit.ctx, unit.team.reviewer, 2025);
  return seeded;
}
