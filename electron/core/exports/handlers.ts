import type { Api } from '../../../shared/ipc.ts';
import type { Desk, Handlers } from '../kernel/desk.ts';
import { readSettings } from '../workflow/settings.ts';
import { exportRedacted } from './redaction-export.ts';

type ExportsApi = Pick<Api, 'exportRedacted'>;

/** Files made from signed decisions for the public. */
export function exportsHandlers(desk: Pick<Desk, 'signedIn' | 'analyzer'>): Handlers<ExportsApi> {
  return {
    exportRedacted: ({ decisionId, path: file, format }) => {
      const { ctx, actor } = desk.signedIn();
      return exportRedacted(ctx, actor, decisionId, file, format, (f) => desk.analyzer.extract(f, readSettings(ctx.store).limits));
    },
  };
}
