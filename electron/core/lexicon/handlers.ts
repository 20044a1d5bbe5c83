import type { ApiOf } from '../../../shared/ipc/channel.ts';
import type { lexiconChannels } from '../../../shared/ipc/lexicon.ts';
import type { Actor, Context } from '../kernel/context.ts';
import type { Desk, Handlers } from '../kernel/desk.ts';
import { lexiconService, type LexiconOptions } from './service.ts';

type LexiconApi = ApiOf<typeof lexiconChannels>;

/** The lexicon channels for whoever is signed in. */
export function lexiconHandlers(desk: Pick<Desk, 'signedIn'>, options: LexiconOptions): Handlers<LexiconApi> {
  const signedIn = () => desk.signedIn();
  const service = lexiconService(options);
  const as = <T>(fn: (ctx: Context, actor: Actor) => T): T => {
    const { ctx, actor } = signedIn();
    return fn(ctx, actor);
  };
  return {
    lexicon: () => {
      signedIn();
      return service.state();
    },
    addLexiconTerm: (input) => as((c, a) => service.addTerm(c, a, input)),
    removeLexiconTerm: ({ pattern, category }) => as((c, a) => service.removeTerm(c, a, pattern, category)),
    addAllowWord: ({ word, note }) => as((c, a) => service.addAllow(c, a, word, note)),
    removeAllowWord: ({ word }) => as((c, a) => service.removeAllow(c, a, word)),
    importLexicon: ({ path }) => as((c, a) => service.importTable(c, a, path)),
    exportLexicon: ({ path }) => as((c, a) => service.exportTable(c, a, path)),
    testLexicon: ({ text }) => {
      signedIn();
      return service.test(text);
    },
  };
}
