import { create } from 'zustand';
import type { AnswerReview, AppealInput, AppealResultInput, RequestAnswer, RequestExtension, RequestFilter, RequestInput, RequestPage, RequestTally, RequestView } from '../../../shared/ipc/inspection.ts';
import type { HolidayCalendar } from '../../../shared/workdays.ts';
import { errorText } from '../lib/errors.ts';
import { useNotices } from './notices.ts';

const LIMIT = 200;

type RequestQuery = Pick<RequestFilter, 'year' | 'status'>;

interface RequestStore {
  filter: RequestQuery;
  page: RequestPage | null;
  /** Requests per register document over the filter's year (all statuses): "often requested" as a number. */
  tallies: RequestTally[];
  calendar: HolidayCalendar | null;
  setFilter(patch: Partial<RequestQuery>): Promise<void>;
  reload(): Promise<void>;
  more(): Promise<void>;
  add(input: RequestInput): Promise<RequestView | string>;
  answer(input: RequestAnswer): Promise<RequestView | string>;
  extend(input: RequestExtension): Promise<RequestView | string>;
  review(input: AnswerReview): Promise<RequestView | string>;
  appeal(input: AppealInput): Promise<RequestView | string>;
  appealResult(input: AppealResultInput): Promise<RequestView | string>;
  loadCalendar(): Promise<void>;
  saveCalendar(calendar: HolidayCalendar): Promise<string | null>;
  importSchedule(path: string): Promise<string | null>;
}

/** The on-request register (依申请登记): requests with their deadlines, per-document tallies and the holiday list. */
export const useRequests = create<RequestStore>((set, get) => {
  const attempt = async (work: () => Promise<RequestView>): Promise<RequestView | string> => {
    try {
      const view = await work();
      await get().reload();
      return view;
    } catch (error) {
      return errorText(error);
    }
  };
  return {
    filter: { year: new Date().getFullYear() },
    page: null,
    tallies: [],
    calendar: null,
    async setFilter(patch) {
      set({ filter: { ...get().filter, ...patch } });
      await get().reload();
    },
    async reload() {
      const { filter } = get();
      try {
        const [page, tallies] = await Promise.all([window.api.listRequests({ ...filter, limit: LIMIT }), window.api.requestCounts(filter.year ? { year: filter.year } : {})]);
        if (get().filter !== filter) return;
        set({ page, tallies });
      } catch (error) {
        useNotices.getState().fail(error);
      }
    },
    async more() {
      const { filter, page } = get();
      if (!page) return;
      try {
        const next = await window.api.listRequests({ ...filter, offset: page.rows.length, limit: LIMIT });
        set({ page: { ...next, rows: [...page.rows, ...next.rows] } });
      } catch (error) {
        useNotices.getState().fail(error);
      }
    },
    add: (input) => attempt(() => window.api.addRequest(input)),
    answer: (input) => attempt(() => window.api.answerRequest(input)),
    extend: (input) => attempt(() => window.api.extendRequest(input)),
    review: (input) => attempt(() => window.api.reviewAnswer(input)),
    appeal: (input) => attempt(() => window.api.addAppeal(input)),
    appealResult: (input) => attempt(() => window.api.recordAppealResult(input)),
    async loadCalendar() {
      try {
        set({ calendar: await window.api.getHolidays() });
      } catch (error) {
        useNotices.getState().fail(error);
      }
    },
    async importSchedule(path) {
      try {
        set({ calendar: await window.api.importHolidays({ path }) });
        await get().reload();
        return null;
      } catch (error) {
        return errorText(error);
      }
    },
    async saveCalendar(calendar) {
      try {
        set({ calendar: await window.api.setHolidays(calendar) });
        await get().reload();
        return null;
      } catch (error) {
        return errorText(error);
      }
    },
  };
});
