import { contract, type Api, type ChannelName } from '../../shared/ipc.ts';
import { recordsMessages as m } from '../../shared/messages/records.ts';
import { accountsHandlers } from './accounts/handlers.ts';
import { CoreError } from './errors.ts';
import { exportsHandlers } from './exports/handlers.ts';
import { inspectionHandlers } from './inspection/handlers.ts';
import type { Desk, Handlers } from './kernel/desk.ts';
import { sessionHandlers } from './kernel/handlers.ts';
import { ledgerHandlers } from './ledger/handlers.ts';
import { lexiconHandlers } from './lexicon/handlers.ts';
import type { LexiconOptions } from './lexicon/service.ts';
import { publicationHandlers } from './publication/handlers.ts';
import { registerHandlers } from './register/handlers.ts';
import { requestsHandlers } from './requests/handlers.ts';
import { workflowHandlers } from './workflow/handlers.ts';

/** Channels answered by the Electron glue, not by core. */
type MainOnlyChannel = 'chooseFiles' | 'chooseSavePath';
export type CoreApi = Omit<Api, MainOnlyChannel>;

/** Every core channel, one area at a time; the app and the CLI both call exactly these. */
function coreHandlers(desk: Desk, lexicon: LexiconOptions): Handlers<CoreApi> {
  return {
    ...sessionHandlers(desk),
    ...accountsHandlers(desk),
    ...registerHandlers(desk),
    ...workflowHandlers(desk),
    ...ledgerHandlers(desk),
    ...exportsHandlers(desk),
    ...requestsHandlers(desk),
    ...inspectionHandlers(desk),
    ...lexiconHandlers(desk, lexicon),
    ...publicationHandlers(desk),
  };
}

/** Core never trusts its caller: this is the one place a channel's arguments are parsed against its schema. */
function parseArgs<K extends ChannelName>(name: K, args: unknown[]): Parameters<Api[K]> {
  const parsed = contract[name].args.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CoreError('invalid-arguments', m.invalidArguments(name, issue ? `${issue.path.join('.')} ${issue.message}` : ''));
  }
  return parsed.data as Parameters<Api[K]>;
}

/** The core API for one face: each channel parses its arguments, then runs its area's handler. */
export function coreApi(desk: Desk, lexicon: LexiconOptions): CoreApi {
  const handlers = coreHandlers(desk, lexicon);
  return Object.fromEntries(
    Object.entries(handlers).map(([name, fn]) => [name, async (...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(...parseArgs(name as ChannelName, args))]),
  ) as unknown as CoreApi;
}
