import { appendEntry } from '../ledger/chain.ts';
import { actingRole, type Actor, type Context } from '../kernel/context.ts';
import { today } from '../inspection/context.ts';
import { localDay } from '../inspection/figures.ts';
import { readCalendar } from '../inspection/config.ts';
import { readSettings } from '../workflow/settings.ts';
import { fail } from '../errors.ts';
import type { PublicationProfileRow, ReleasableRow } from '../db/publications.ts';
import { isIsoDate, workingDaysBetween, type WorkdayCalendar } from '../../../shared/workdays.ts';
import {
  interpretationDue,
  lacksInterpretation,
  mustPublish,
  needsInterpretation,
  publicationDeadline,
  publicationStatus,
  recogniseKind,
  timelinessByYear,
  type DocumentKind,
  type InterpretationLink,
  type KindEvidence,
} from '../../../shared/publication-rules.ts';
import type {
  InterpretationState,
  KindInput,
  LinkInput,
  PublicationFilter,
  PublicationItem,
  PublicationProfile,
  PublicationQueue,
  PublishInput,
} from '../../../shared/ipc/publication.ts';
import { documentKindLabels, publicationMessages as m } from '../../../shared/messages/publication.ts';
import { publicationActions, type InterpretationLinkedPayload, type KindSetPayload, type PublicationRecordedPayload } from './events.ts';

/** Who records releases and 解读: the disclosure office, the drafting units that publish, an admin. */
const publishingRoles = ['reviewer', 'drafter', 'admin'] as const;

/** What a deadline is worked out against, read once per call. */
interface Clock {
  today: string;
  calendar: WorkdayCalendar;
  workingDays: number;
}

const clockOf = (ctx: Context): Clock => ({ today: today(ctx), calendar: readCalendar(ctx), workingDays: readSettings(ctx.store).publicationWorkingDays });

function requireHeader(ctx: Context, documentId: number) {
  return ctx.store.documents.header(documentId) ?? fail('no-document', m.documentNotFound(documentId));
}

const kindOf = (recognised: DocumentKind, profile: PublicationProfileRow | null): DocumentKind => profile?.kind ?? recognised;

const linkOf = (profile: PublicationProfileRow | null): InterpretationLink | null => {
  if (profile?.interpretationId != null) return { documentId: profile.interpretationId, reason: null };
  if (profile?.noInterpretationReason != null) return { documentId: null, reason: profile.noInterpretationReason };
  return null;
};

function interpretationOf(ctx: Context, kind: DocumentKind, profile: PublicationProfileRow | null, policyReleasedOn: string | null, clock: Clock): InterpretationState {
  const link = linkOf(profile);
  const none: InterpretationState = { status: 'not-needed', linked: null, reason: null, due: null, publishedOn: null, onTime: null };
  if (!needsInterpretation(kind)) return none;
  if (link === null) return { ...none, status: 'missing' };
  if (link.documentId === null) return { ...none, reason: link.reason };
  const row = ctx.store.documents.row(link.documentId);
  const linked = { documentId: link.documentId, docNumber: row?.docNumber ?? null, title: row?.title ?? null };
  if (policyReleasedOn === null) return { ...none, status: 'waiting', linked };
  const due = interpretationDue(policyReleasedOn, clock.calendar);
  const publishedOn = ctx.store.publications.firstRelease(link.documentId);
  const { status, onTime } = publicationStatus(due, publishedOn, clock.today);
  return { status, linked, reason: null, due, publishedOn, onTime };
}

function itemOf(ctx: Context, r: ReleasableRow, profile: PublicationProfileRow | null, clock: Clock): PublicationItem {
  const recognisedKind = recogniseKind({ title: r.title, docNumber: r.docNumber, header: r.issuerMark });
  const kind = kindOf(recognisedKind, profile);
  const signedOn = localDay(r.signedAt);
  const deadline = publicationDeadline({ docDate: r.docDate, signedOn, title: r.title, workingDays: clock.workingDays }, clock.calendar);
  const { status, onTime } = publicationStatus(deadline.due, r.firstPublishedOn, clock.today);
  const years = new Set([Number(deadline.from.slice(0, 4)), Number(deadline.due.slice(0, 4))]);
  return {
    documentId: r.documentId,
    documentSha256: r.sha256,
    docNumber: r.docNumber,
    title: r.title,
    decisionId: r.decisionId,
    attribute: r.attribute,
    docDate: r.docDate,
    signedOn,
    kind,
    recognisedKind,
    deadline,
    status,
    onTime,
    firstPublishedOn: r.firstPublishedOn,
    releases: r.releases,
    workingDaysLeft: status === 'published' ? null : workingDaysBetween(clock.today, deadline.due, clock.calendar),
    interpretation: interpretationOf(ctx, kind, profile, r.firstPublishedOn, clock),
    calendarIncomplete: [...years].some((y) => !clock.calendar.coveredYears.has(y)),
  };
}

/** The workspace's view of one document: kind, 解读 and, when signed public, its deadline and releases. */
export function publicationProfile(ctx: Context, documentId: number): PublicationProfile {
  const header = requireHeader(ctx, documentId);
  const clock = clockOf(ctx);
  const profile = ctx.store.publications.profile(documentId);
  const evidence: KindEvidence = { title: header.title, docNumber: header.docNumber, header: header.metadata.issuerMark };
  const recognisedKind = recogniseKind(evidence);
  const kind = kindOf(recognisedKind, profile);
  const releasable = mustPublish(header.signedAttribute) ? ctx.store.publications.releasableOne(documentId) : null;
  const item = releasable ? itemOf(ctx, releasable, profile, clock) : null;
  return {
    documentId,
    recognisedKind,
    kind,
    kindOverride: profile?.kind ? { kind: profile.kind, reason: profile.kindReason ?? '', by: profile.updatedBy, at: profile.updatedAt } : null,
    interpretation: item?.interpretation ?? interpretationOf(ctx, kind, profile, ctx.store.publications.firstRelease(documentId), clock),
    lacksInterpretation: lacksInterpretation(kind, linkOf(profile), header.metadata.attachments),
    item,
    releases: ctx.store.publications.forDocument(documentId),
  };
}

/** Records one release of the signed public decision in force; the first release is the one the deadline is met by. */
export function publish(ctx: Context, actor: Actor, input: PublishInput): PublicationProfile {
  const role = actingRole(actor, publishingRoles);
  if (!isIsoDate(input.publishedOn)) fail('invalid', m.invalidDate(input.publishedOn));
  const day = today(ctx);
  ctx.store.write(() => {
    const header = requireHeader(ctx, input.documentId);
    const decision = header.signedDecisionId === null ? null : ctx.store.decisions.get(header.signedDecisionId);
    if (!decision?.signedAt || !mustPublish(decision.attribute)) fail('not-signed-public', m.notSignedPublic(input.documentId));
    const signedOn = localDay(decision.signedAt);
    if (input.publishedOn < signedOn) fail('before-sign-off', m.beforeSignOff(input.publishedOn, signedOn));
    if (input.publishedOn > day) fail('invalid', m.inFuture(input.publishedOn, day));
    const now = ctx.now();
    const location = input.location?.trim() ?? '';
    const publicationId = ctx.store.publications.insert({ documentId: header.id, decisionId: decision.id, publishedOn: input.publishedOn, channel: input.channel, location, recordedBy: actor.name, recordedAt: now });
    const payload: PublicationRecordedPayload = { publicationId, publishedOn: input.publishedOn, channel: input.channel, location };
    appendEntry(ctx.store, { user: actor.name, role, action: publicationActions.record, documentSha256: header.sha256, decisionId: decision.id, payload }, now);
  });
  return publicationProfile(ctx, input.documentId);
}

/** The officer's word on what the document is, over the recognised kind; null returns to the recognised kind. */
export function setDocumentKind(ctx: Context, actor: Actor, input: KindInput): PublicationProfile {
  const role = actingRole(actor, publishingRoles);
  ctx.store.write(() => {
    const header = requireHeader(ctx, input.documentId);
    const current = ctx.store.publications.profile(header.id);
    if ((current?.kind ?? null) === input.kind) fail('unchanged', m.kindUnchanged);
    const now = ctx.now();
    const reason = input.reason.trim();
    ctx.store.publications.setKind(header.id, input.kind, input.kind === null ? null : reason, actor.name, now);
    const payload: KindSetPayload = { kind: input.kind, reason };
    appendEntry(ctx.store, { user: actor.name, role, action: publicationActions.kind, documentSha256: header.sha256, payload }, now);
  });
  return publicationProfile(ctx, input.documentId);
}

/** Links a 规范性文件 or 政策文件 to its 解读 in the register, or records why it needs none. */
export function linkInterpretation(ctx: Context, actor: Actor, input: LinkInput): PublicationProfile {
  const role = actingRole(actor, publishingRoles);
  ctx.store.write(() => {
    const header = requireHeader(ctx, input.documentId);
    const profile = ctx.store.publications.profile(header.id);
    const kind = kindOf(recogniseKind({ title: header.title, docNumber: header.docNumber, header: header.metadata.issuerMark }), profile);
    if (!needsInterpretation(kind)) fail('not-policy', m.noInterpretationNeeded(documentKindLabels[kind]));
    let payload: InterpretationLinkedPayload;
    const now = ctx.now();
    if (input.interpretationId !== null) {
      if (input.interpretationId === header.id) fail('invalid', m.selfInterpretation);
      const sha = ctx.store.documents.shaOf(input.interpretationId) ?? fail('no-document', m.documentNotFound(input.interpretationId));
      ctx.store.publications.setLink(header.id, input.interpretationId, null, actor.name, now);
      payload = { interpretationSha256: sha, reason: null };
    } else {
      const reason = input.reason.trim();
      ctx.store.publications.setLink(header.id, null, reason, actor.name, now);
      payload = { interpretationSha256: null, reason };
    }
    appendEntry(ctx.store, { user: actor.name, role, action: publicationActions.link, documentSha256: header.sha256, payload }, now);
  });
  return publicationProfile(ctx, input.documentId);
}

/** The 待发布 queue: overdue first, then due by nearest deadline, then released; with the on-time rate per year. */
export function listPublications(ctx: Context, filter: PublicationFilter): PublicationQueue {
  const clock = clockOf(ctx);
  const profiles = ctx.store.publications.profiles();
  const all = ctx.store.publications.releasable().map((r) => itemOf(ctx, r, profiles.get(r.documentId) ?? null, clock));
  const inYear = filter.year === undefined ? all : all.filter((i) => Number(i.deadline.from.slice(0, 4)) === filter.year);
  const counts = { due: 0, overdue: 0, published: 0 };
  for (const i of inYear) counts[i.status]++;
  const urgency = { overdue: 0, due: 1, published: 2 } as const;
  const rows = inYear
    .filter((i) => !filter.status || i.status === filter.status)
    .sort((a, b) => urgency[a.status] - urgency[b.status] || a.deadline.due.localeCompare(b.deadline.due) || a.documentId - b.documentId);
  return {
    rows,
    counts,
    years: timelinessByYear(all.map((i) => ({ from: i.deadline.from, status: i.status, onTime: i.onTime }))).filter((y) => filter.year === undefined || y.year === filter.year),
    interpretationsOverdue: inYear.filter((i) => i.interpretation.status === 'overdue').length,
    today: clock.today,
  };
}
