import { z } from 'zod';
import { channel } from './channel.ts';
import { savePath, userPath } from './paths.ts';
import type { Attribute } from '../types.ts';

export interface ReviewFormExport {
  path: string;
  decisionId: number;
  /** The audit entry that records the export. */
  seq: number;
}

export type StampAction = 'kept' | 'replaced' | 'added';

export interface StampedExport {
  path: string;
  decisionId: number;
  attribute: Attribute;
  action: StampAction;
  /** The 附注 the source had, as written; null when it had none. */
  previous: string | null;
  /** The 附注 the written copy carries. */
  note: string;
  /** The written file was read back: its 附注 states the signed attribute and nothing else changed. */
  verified: true;
}

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The forms that go with a decision on paper: the 公开属性审查单, and the 公文 with its 附注 stamped. */
export const formsChannels = {
  exportReviewForm: channel(z.tuple([z.object({ decisionId: id, path: savePath }).strict()]))<ReviewFormExport>(),
  exportStamped: channel(z.tuple([z.object({ decisionId: id, sourcePath: userPath, path: savePath }).strict()]))<StampedExport>(),
};
