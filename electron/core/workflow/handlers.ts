import type { Api } from '../../../shared/ipc.ts';
import { basisOptions } from '../../../shared/basis.ts';
import { requireRole } from '../kernel/context.ts';
import type { Desk, Handlers } from '../kernel/desk.ts';
import { appendEntry } from '../ledger/chain.ts';
import { approveDecision, returnDecision, saveDecision, signDecision, signPreview, submitDecision } from './decisions.ts';
import { readSettings, writeSettings } from './settings.ts';

type WorkflowApi = Pick<
  Api,
  'basisOptions' | 'saveDecision' | 'submitDecision' | 'approveDecision' | 'returnDecision' | 'signPreview' | 'signDecision' | 'getSettings' | 'updateSettings'
>;

/** A decision from draft to sign-off, and the settings that steer it. */
export function workflowHandlers(desk: Pick<Desk, 'signedIn'>): Handlers<WorkflowApi> {
  return {
    basisOptions: () => basisOptions(readSettings(desk.signedIn().ctx.store).localBasis),
    saveDecision: (input) => {
      const { ctx, actor } = desk.signedIn();
      return saveDecision(ctx, actor, input);
    },
    submitDecision: ({ decisionId }) => {
      const { ctx, actor } = desk.signedIn();
      return submitDecision(ctx, actor, decisionId);
    },
    approveDecision: ({ decisionId, comment }) => {
      const { ctx, actor } = desk.signedIn();
      return approveDecision(ctx, actor, decisionId, comment ?? null);
    },
    returnDecision: ({ decisionId, grounds, reason }) => {
      const { ctx, actor } = desk.signedIn();
      return returnDecision(ctx, actor, decisionId, { grounds, reason });
    },
    signPreview: ({ decisionId }) => {
      const { ctx, actor } = desk.signedIn();
      return signPreview(ctx, actor, decisionId);
    },
    signDecision: ({ decisionId, password }) => {
      const { ctx, actor } = desk.signedIn();
      return signDecision(ctx, actor, decisionId, password);
    },
    getSettings: () => readSettings(desk.signedIn().ctx.store),
    updateSettings: (patch) => {
      const { ctx, actor } = desk.signedIn();
      requireRole(actor, 'admin');
      ctx.store.write(() => {
        const changes = writeSettings(ctx.store, patch);
        if (Object.keys(changes).length > 0) appendEntry(ctx.store, { user: actor.name, role: 'admin', action: 'settings.change', payload: changes }, ctx.now());
      });
      return readSettings(ctx.store);
    },
  };
}
