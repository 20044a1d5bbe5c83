import type { Api } from '../../../shared/ipc.ts';
import type { Desk, Handlers } from '../kernel/desk.ts';
import { readSettings } from '../workflow/settings.ts';
import { exportRedacted } from './redaction-export.ts';
import { exportReviewForm } from './review-form.ts';
import { exportStamped } from './stamped-copy.ts';

type ExportsApi = Pick<Api, 'exportRedacted' | 'exportReviewForm' | 'exportStamped'>;

/** Files made from decisions: the public copy, the 公开属性审查单 and the 公文 with its 附注 stamped. */
export function exportsHandlers(desk: Pick<Desk, 'signedIn' | 'analyzer'>): Handlers<ExportsApi> {
  return {
    exportRedacted: ({ decisionId, path: file, format }) => {
      const { ctx, actor } = desk.signedIn();
      return exportRedacted(ctx, actor, decisionId, file, format, (f) => desk.analyzer.extract(f, readSettings(ctx.store).limits));
    },
    exportReviewForm: ({ decisionId, path: file }) => {
      const { ctx, actor } = desk.signedIn();
      return exportReviewForm(ctx, actor, decisionId, file);
    },
    exportStamped: ({ decisionId, sourcePath, path: file }) => {
      const { ctx, actor } = desk.signedIn();
      return exportStamped(ctx, actor, decisionId, sourcePath, file, (f) => desk.analyzer.extract(f, readSettings(ctx.store).limits));
    },
  };
}
