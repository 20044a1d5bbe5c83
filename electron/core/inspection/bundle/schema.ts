import { z } from 'zod';
import { returnGrounds } from '../../../../shared/return-grounds.ts';
import { applicantTypes, inspectionOutcomes, requestOutcomes, worklistRules, type BundleBody } from '../../../../shared/ipc/inspection.ts';

/**
 * The shape of a bundle body, checked before anything in it is trusted. A signature proves only who made a
 * file: a forger signing with a key of their own can put anything in it, so every figure the consolidated
 * view adds up must be a count (a whole number, never negative) and every part the checks read must be there.
 */
const count = z.int().min(0);
const text = z.string();
const attribute = z.enum(['proactive', 'partial', 'on-request', 'withheld']);
const byAttribute = z.object({ proactive: count, partial: count, 'on-request': count, withheld: count });
const record = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, count])) as Record<K, typeof count>);

/** Figures frozen before the 2021 template's applicant columns have three (citizen, legal-person, other), read as `applicantOf` reads them. */
const legacyApplicants = record(['citizen', 'legal-person', 'other']).transform((r) => ({ 'natural-person': r.citizen, commercial: 0, research: 0, 'public-interest': 0, 'legal-service': 0, 'other-org': r['legal-person'] + r.other }));
const byApplicant = z.union([record(applicantTypes), legacyApplicants]);
const received = z.union([record([...applicantTypes, 'total']), legacyApplicants.and(z.object({ total: count }))]);

const summary = z.object({
  progress: z.object({ total: count, pending: count, proposed: count, done: count }),
  byRule: record(worklistRules),
  byAttribute,
  byOutcome: record(inspectionOutcomes),
  converted: z.object({ toProactive: count, toPartial: count }),
});

const annual = z.object({
  year: z.int(),
  source: z.object({ entries: count, lastSeq: count.nullable() }),
  decisions: z.object({ signedByAttribute: byAttribute, inForceByAttribute: byAttribute, madeMoreOpen: count }),
  withheldByRow: z.array(z.object({ row: text, label: text, count })),
  requests: z.object({
    received,
    carriedIn: count,
    answered: count,
    carriedOut: count,
    answeredLate: count,
    outcomes: z.array(z.object({ outcome: z.enum(requestOutcomes), row: text, label: text, byApplicant, total: count })),
  }),
  returns: z.object({ total: count, byGround: z.array(z.object({ ground: z.enum(returnGrounds), count })) }).optional(),
});

const item = z.object({
  documentSha256: text,
  docNumber: text.nullable(),
  title: text.nullable(),
  date: text.nullable(),
  decisionId: count,
  attribute,
  reason: text,
  basis: z.array(text),
  rules: z.array(z.enum(worklistRules)),
  requestCount: count,
  outcome: z.enum(inspectionOutcomes).nullable(),
  justification: text.nullable(),
  newDecisionId: count.nullable(),
  newAttribute: attribute.nullable(),
  progress: z.enum(['pending', 'proposed', 'done']),
});

const entry = z.object({
  seq: count,
  time: text,
  user: text.nullable(),
  role: text.nullable(),
  action: text,
  documentSha256: text.nullable(),
  decisionId: count.nullable(),
  payload: text,
  signature: text.nullable(),
  previousHash: text,
  hash: text,
});

export const bundleBodySchema = z.object({
  format: z.literal('disclosure-desk/inspection-bundle/v1'),
  unit: z.object({ name: text.min(1).max(200), installationId: text.min(1).max(200), rootFingerprint: text.max(64).nullable().optional() }),
  year: z.int(),
  inspection: z.object({
    openedAt: text,
    openedBy: text,
    closedAt: text.nullable(),
    closedBy: text.nullable(),
    config: z.object({ unitName: text, reportTo: text, minRequests: count, processMonths: count }),
  }),
  summary,
  annual,
  items: z.array(item),
  entries: z.array(entry),
  checkpoint: z.object({
    format: z.literal('disclosure-desk/checkpoint/v1'),
    installationId: text,
    seq: count,
    hash: text,
    time: text,
    signer: text,
    keyFingerprint: text,
    publicKey: text,
    signature: text,
  }),
  signer: z.object({ user: text, keyFingerprint: text, publicKey: text }),
  createdAt: text,
}) satisfies z.ZodType<BundleBody>;

/** What the close entry of the inspection froze: the figures a bundle must repeat. */
export const closePayloadSchema = z.object({ year: z.int(), summary, annual });

/** Where the first thing wrong sits, as a path a person can find in the file (`items[0].attribute`); '' for the whole. */
export const firstIssuePath = (error: z.ZodError): string =>
  (error.issues[0]?.path ?? []).map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
