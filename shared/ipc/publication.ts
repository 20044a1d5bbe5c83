import { z } from 'zod';
import { channel } from './channel.ts';
import type { Attribute } from '../types.ts';
import {
  documentKinds,
  publicationChannels,
  type DocumentKind,
  type PublicationChannel,
  type PublicationDeadline,
  type PublicationStatus,
  type YearTimeliness,
} from '../publication-rules.ts';

// ---- shapes the core returns ----

interface PublicationView {
  id: number;
  documentId: number;
  decisionId: number;
  publishedOn: string;
  channel: PublicationChannel;
  /** URL or 公报期号; empty when none was given. */
  location: string;
  recordedBy: string;
  recordedAt: string;
}

/** A register document named from another (the 解读 of a policy document). */
interface DocumentRef {
  documentId: number;
  docNumber: string | null;
  title: string | null;
}

export type InterpretationStatus = 'not-needed' | 'missing' | 'waiting' | 'due' | 'overdue' | 'published';

/** Where a policy document's 解读 stands: linked, or reasoned away, and its 3-working-day deadline once the policy is out. */
export interface InterpretationState {
  status: InterpretationStatus;
  linked: DocumentRef | null;
  /** Why no 解读 is needed, as recorded. */
  reason: string | null;
  /** 3 working days after the policy document's first release; null until it is released. */
  due: string | null;
  publishedOn: string | null;
  onTime: boolean | null;
}

export interface PublicationItem extends DocumentRef {
  documentSha256: string;
  decisionId: number;
  attribute: Attribute;
  docDate: string | null;
  signedOn: string;
  kind: DocumentKind;
  recognisedKind: DocumentKind;
  deadline: PublicationDeadline;
  status: PublicationStatus;
  onTime: boolean | null;
  firstPublishedOn: string | null;
  releases: number;
  /** Working days left to the deadline (negative when overdue); null once released. */
  workingDaysLeft: number | null;
  interpretation: InterpretationState;
  /** The period runs into a year the holiday list does not cover. */
  calendarIncomplete: boolean;
}

export interface PublicationQueue {
  rows: PublicationItem[];
  counts: Record<PublicationStatus, number>;
  /** Per year of formation, newest first. */
  years: YearTimeliness[];
  /** 解读 past their 3 working days and still unreleased. */
  interpretationsOverdue: number;
  today: string;
}

/** What the workspace shows of one document: its kind, its 解读 link and, when it is signed public, its releases. */
export interface PublicationProfile {
  documentId: number;
  recognisedKind: DocumentKind;
  kind: DocumentKind;
  kindOverride: { kind: DocumentKind; reason: string; by: string; at: string } | null;
  interpretation: InterpretationState;
  /** A 规范性文件 or 政策文件 with neither a linked 解读 nor a reason: a 退文 ground. */
  lacksInterpretation: boolean;
  /** Null unless the attribute in force is signed 主动公开 or 部分公开. */
  item: PublicationItem | null;
  releases: PublicationView[];
}

// ---- argument schemas ----

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const reason = z.string().trim().min(1).max(2000);

const publishInputSchema = z
  .object({ documentId: id, publishedOn: isoDay, channel: z.enum(publicationChannels), location: z.string().max(500).optional() })
  .strict();
export type PublishInput = z.infer<typeof publishInputSchema>;

const queueFilterSchema = z
  .object({ year: z.number().int().min(1900).max(2200).optional(), status: z.enum(['due', 'overdue', 'published']).optional() })
  .strict();
export type PublicationFilter = z.infer<typeof queueFilterSchema>;

/** `kind: null` drops the override and lets the recognised kind stand again. */
const kindInputSchema = z.object({ documentId: id, kind: z.enum(documentKinds).nullable(), reason }).strict();
export type KindInput = z.infer<typeof kindInputSchema>;

const linkInputSchema = z.union([
  z.object({ documentId: id, interpretationId: id }).strict(),
  z.object({ documentId: id, interpretationId: z.null(), reason }).strict(),
]);
export type LinkInput = z.infer<typeof linkInputSchema>;

export const publicationChannelsContract = {
  publish: channel(z.tuple([publishInputSchema]))<PublicationProfile>(),
  listPublications: channel(z.tuple([queueFilterSchema]))<PublicationQueue>(),
  publicationProfile: channel(z.tuple([z.object({ documentId: id }).strict()]))<PublicationProfile>(),
  setDocumentKind: channel(z.tuple([kindInputSchema]))<PublicationProfile>(),
  linkInterpretation: channel(z.tuple([linkInputSchema]))<PublicationProfile>(),
};
