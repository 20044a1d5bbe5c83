import type { Api } from '../../../shared/ipc.ts';
import type { Desk, Handlers } from '../kernel/desk.ts';
import { addAppeal, addRequest, answerBases, answerRequest, extendRequest, listRequests, recordAppealResult, reviewAnswer } from './register.ts';

type RequestsApi = Pick<Api, 'addRequest' | 'answerRequest' | 'extendRequest' | 'reviewAnswer' | 'addAppeal' | 'recordAppealResult' | 'answerBasisChoices' | 'listRequests' | 'requestCounts'>;

/** The register of requests for disclosure and their deadlines. */
export function requestsHandlers(desk: Pick<Desk, 'signedIn'>): Handlers<RequestsApi> {
  return {
    addRequest: (input) => {
      const { ctx, actor } = desk.signedIn();
      return addRequest(ctx, actor, input);
    },
    answerRequest: (input) => {
      const { ctx, actor } = desk.signedIn();
      return answerRequest(ctx, actor, input);
    },
    extendRequest: (input) => {
      const { ctx, actor } = desk.signedIn();
      return extendRequest(ctx, actor, input);
    },
    reviewAnswer: (input) => {
      const { ctx, actor } = desk.signedIn();
      return reviewAnswer(ctx, actor, input);
    },
    addAppeal: (input) => {
      const { ctx, actor } = desk.signedIn();
      return addAppeal(ctx, actor, input);
    },
    recordAppealResult: (input) => {
      const { ctx, actor } = desk.signedIn();
      return recordAppealResult(ctx, actor, input);
    },
    answerBasisChoices: () => answerBases(desk.signedIn().ctx),
    listRequests: (filter) => listRequests(desk.signedIn().ctx, filter),
    requestCounts: ({ year }) => desk.signedIn().ctx.store.requests.tallies(year ? `${year}-01-01` : '0000-01-01', year ? `${year}-12-31` : '9999-12-31'),
  };
}
